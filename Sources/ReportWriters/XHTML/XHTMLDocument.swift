import CLibXML2

/// An XHTML document parsed from a template with libxml2 and filled through its tree API.
///
/// Every text goes in as a text node (after ``SafeText/clean(_:)``), every attribute through
/// `xmlSetProp`: markup is never assembled from strings. The template is parsed without network
/// access, without loading the external DTD and without expanding entities; it must pass
/// ``XHTMLTemplatePolicy`` (nothing active, nothing that reaches out), and its DOCTYPE is always replaced
/// by XHTML 1.0 Strict's.
public final class XHTMLDocument {
    private let document: xmlDocPtr
    /// The template's name, for errors.
    public let templateName: String

    /// libxml2 must be initialised once, before threads use it.
    static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `template` (UTF-8 bytes).
    public init(template: [UInt8], name: String) throws {
        precondition(Self.libraryInitialized)
        templateName = name
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), name, "UTF-8", options)
                }
            }
        }
        guard let parsed else {
            let message = xmlGetLastError()?.pointee.message.map { String(cString: $0).trimmingTrailingNewlines() }
            throw XHTMLError(template: name, problem: "not well-formed XML (\(message ?? "empty"))")
        }
        document = parsed  // from here on, deinit frees it, also when init throws
        guard let root = xmlDocGetRootElement(document), Self.name(of: root) == "html" else {
            throw XHTMLError(template: name, problem: "the root element must be <html>")
        }
        if let entities = document.pointee.intSubset, entities.pointee.entities != nil {
            throw XHTMLError(template: name, problem: "entity declarations are not allowed in a template")
        }
        if let problem = XHTMLTemplatePolicy.violation(under: root) {
            throw XHTMLError(template: name, problem: problem)
        }
        // The report is XHTML 1.0 Strict whatever DOCTYPE the template had (another DTD, a SYSTEM URL); a
        // template that has that DOCTYPE keeps it where it stands.
        let subset = xmlGetIntSubset(document)
        if let subset, Self.isXHTMLStrict(subset) { return }
        if let subset {
            let node = UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self)
            xmlUnlinkNode(node)
            xmlFreeDtd(subset)
        }
        xmlCreateIntSubset(document, "html", Self.publicID, Self.systemID)
    }

    /// `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://…/xhtml1-strict.dtd">`, nothing more.
    private static func isXHTMLStrict(_ subset: xmlDtdPtr) -> Bool {
        func text(_ pointer: UnsafePointer<xmlChar>?) -> String? { pointer.map { String(cString: $0) } }
        return text(subset.pointee.name) == "html" && text(subset.pointee.ExternalID) == publicID
            && text(subset.pointee.SystemID) == systemID && subset.pointee.children == nil
    }

    /// The DOCTYPE of every report: XHTML 1.0 Strict.
    public static let publicID = "-//W3C//DTD XHTML 1.0 Strict//EN"
    public static let systemID = "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"

    deinit { xmlFreeDoc(document) }

    /// The element whose `id` is `id`.
    public func element(id: String) throws -> XHTMLElement {
        guard let root = xmlDocGetRootElement(document), let node = Self.find(id: id, under: root) else {
            throw XHTMLError(template: templateName, problem: "no element with id=\"\(id)\"")
        }
        return XHTMLElement(node: node, document: self)
    }

    /// The document as UTF-8 with its XML declaration and DOCTYPE.
    public func serialized() -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &memory, &size, "UTF-8", 0)
        guard let memory else { return [] }
        defer { cxml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    var documentPointer: xmlDocPtr { document }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func find(id: String, under node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        if node.pointee.type == XML_ELEMENT_NODE, let value = xmlGetProp(node, "id") {
            defer { cxml_free(value) }
            if String(cString: value) == id { return node }
        }
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let found = find(id: id, under: current) { return found }
            child = current.pointee.next
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
