import CLibXML2

/// An XML document written as a stream with libxml2's `xmlTextWriter`: elements, attributes and text
/// go through libxml2, which escapes them, into a memory buffer that ``drain(into:)`` empties into a
/// sink, so a large document never has to be held whole. Texts are first made XML-safe (``SafeText``).
final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// Starts a document: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
    init() throws {
        precondition(XHTMLDocument.libraryInitialized)
        guard let buffer = xmlBufferCreate() else { throw WorkbookError("xmlBufferCreate failed") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw WorkbookError("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "start the document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// `<name`, to be closed by ``end()``.
    func start(_ name: String) throws {
        try check(name.withXMLChars { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
    }

    /// An attribute of the element just started.
    func attribute(_ name: String, _ value: String) throws {
        let safe = SafeText.clean(value)
        let status = name.withXMLChars { name in safe.withXMLChars { xmlTextWriterWriteAttribute(writer, name, $0) } }
        try check(status, "write the attribute \(name)")
    }

    /// Text content, escaped by libxml2.
    func text(_ value: String) throws {
        try check(SafeText.clean(value).withXMLChars { xmlTextWriterWriteString(writer, $0) }, "write a text")
    }

    /// Closes the innermost open element.
    func end() throws { try check(xmlTextWriterEndElement(writer), "end an element") }

    /// `<name attributes…/>`.
    func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try end()
    }

    /// `<name>text</name>`.
    func element(_ name: String, text value: String) throws {
        try start(name)
        try text(value)
        try end()
    }

    /// Hands what was written so far to `sink` and empties the buffer.
    func drain(into sink: any ByteSink) throws {
        try check(xmlTextWriterFlush(writer), "flush")
        let count = Int(xmlBufferLength(buffer))
        if count > 0, let content = xmlBufferContent(buffer) {
            try sink.write(UnsafeRawBufferPointer(start: content, count: count))
        }
        xmlBufferEmpty(buffer)
    }

    /// Closes every open element and the document, and hands the rest to `sink`.
    func finish(into sink: any ByteSink) throws {
        try check(xmlTextWriterEndDocument(writer), "end the document")
        try drain(into: sink)
    }

    private func check(_ status: Int32, _ what: String) throws {
        guard status >= 0 else { throw WorkbookError("xmlTextWriter could not \(what)") }
    }
}

extension String {
    /// The text as a NUL-terminated `xmlChar` string, for the length of `body`.
    fileprivate func withXMLChars<T>(_ body: (UnsafePointer<xmlChar>) -> T) -> T {
        withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }
}
