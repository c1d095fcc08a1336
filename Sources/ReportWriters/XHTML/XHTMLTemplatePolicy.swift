import CLibXML2

/// What a report template may hold: the report goes out as an email, so a template is refused (never
/// silently changed) when it carries anything active or anything that reaches out when opened.
///
/// - Elements: XHTML 1.0 Strict's text, list, table and link elements, `img`, `style`, and `meta` for the
///   content type only. No `script`, `iframe`, `object`, `form`, `link`, `base`, no SVG or MathML.
/// - Attributes: no event handler (`on…`), no attribute in a foreign namespace; URLs (`href`, `src`, …)
///   only `http(s)://`, `mailto:` (links) or `#fragment`.
/// - CSS (`style` elements, whole, and attributes): nothing that fetches or runs (`url(`, `image-set(`,
///   `@import`, `expression(`, `javascript:`, `behavior`, …), no CSS escapes.
/// - No processing instructions (`<?xml-stylesheet?>`), and no entity references: the output drops the
///   template's DTD, so a mail client would read `&name;` as an HTML character reference the check never saw.
/// - Attribute names are compared without regard to case, as HTML mail clients read them.
enum XHTMLTemplatePolicy {
    static let allowedElements: Set<String> = [
        "html", "head", "title", "meta", "style", "body", "div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "ol", "li", "dl",
        "dt", "dd", "a", "img", "br", "hr", "em", "strong", "b", "i", "small", "big", "sub", "sup", "code", "pre",
        "kbd", "samp", "var", "tt", "blockquote", "q", "cite", "abbr", "acronym", "address", "del", "ins", "dfn",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "cite", "longdesc", "usemap", "background", "profile"]
    static let forbiddenCSS = [
        "url(", "@import", "expression(", "javascript:", "behavior", "-moz-binding", "image-set(", "image(", "src(",
        "cross-fade(", "element(",
    ]
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// The first thing in the tree under `root` that a template may not hold, as `line N: what`.
    static func violation(under root: xmlNodePtr) -> String? {
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if let problem = check(node) { return "line \(xmlGetLineNo(node)): \(problem)" }
            var child = node.pointee.children
            var children: [xmlNodePtr] = []
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        return nil
    }

    private static func check(_ node: xmlNodePtr) -> String? {
        switch node.pointee.type {
        case XML_PI_NODE:
            return "the processing instruction <?\(XHTMLDocument.name(of: node))?> is not allowed in a template"
        case XML_ENTITY_REF_NODE:
            return "the entity reference &\(XHTMLDocument.name(of: node)); is not allowed in a template "
                + "(write the character itself, or a numeric reference such as &#160;)"
        case XML_ELEMENT_NODE:
            if let problem = checkElement(node) { return problem }
            // A style sheet is checked whole: split over text nodes and CDATA sections, a keyword is still one.
            guard XHTMLDocument.name(of: node) == "style" else { return nil }
            return checkCSS(content(of: node), in: "the <style> element")
        default:
            return nil
        }
    }

    private static func checkElement(_ node: xmlNodePtr) -> String? {
        let name = XHTMLDocument.name(of: node)
        if let namespace = node.pointee.ns?.pointee.href.map({ String(cString: $0) }), namespace != xhtmlNamespace {
            return "<\(name)> in the namespace \(namespace) is not allowed in a template"
        }
        guard allowedElements.contains(name) else {
            return "<\(name)> is not allowed in a template (no scripts, frames, objects or forms in an email)"
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = (current.pointee.name.map { String(cString: $0) } ?? "").lowercased()
            var valueNode = current.pointee.children
            while let part = valueNode {
                if part.pointee.type == XML_ENTITY_REF_NODE {
                    return
                        "the entity reference &\(XHTMLDocument.name(of: part)); in the attribute \(attributeName) of "
                        + "<\(name)> is not allowed in a template"
                }
                valueNode = part.pointee.next
            }
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            if let prefix, prefix != "xml" {
                return "the attribute \(prefix):\(attributeName) of <\(name)> is not allowed in a template"
            }
            let value = attributeValue(node, current)
            if attributeName.hasPrefix("on") {
                return "the event attribute \(attributeName) of <\(name)> is not allowed in a template"
            }
            if urlAttributes.contains(attributeName), !isAllowedURL(value, link: name == "a") {
                return "<\(name) \(attributeName)=\"\(SafeText.line(value, limit: 80))\">: only http(s) URLs"
                    + (name == "a" ? ", mailto: and #fragments" : "") + " are allowed in a template"
            }
            if attributeName == "style", let problem = checkCSS(value, in: "the style of <\(name)>") {
                return problem
            }
            if name == "meta", attributeName == "http-equiv", value.lowercased() != "content-type" {
                return "<meta http-equiv=\"\(SafeText.line(value, limit: 80))\"> is not allowed in a template"
            }
        }
        if name == "meta", xmlHasProp(node, "http-equiv") == nil {
            return "<meta> is allowed only as http-equiv=\"Content-Type\""
        }
        return nil
    }

    private static func checkCSS(_ css: String, in place: String) -> String? {
        // CSS escapes (`\75rl(`) would hide a keyword: refuse them outright.
        let lower = css.lowercased()
        if lower.contains("\\") { return "\(place) uses a CSS escape (\\), which is not allowed in a template" }
        for keyword in forbiddenCSS where lower.contains(keyword) {
            return "\(place) uses \(keyword), which is not allowed in a template (it reaches out or runs code)"
        }
        return nil
    }

    static func isAllowedURL(_ value: String, link: Bool) -> Bool {
        if link, value.hasPrefix("#") { return true }
        if link, value.lowercased().hasPrefix("mailto:") {
            return value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
        }
        return SafeText.isWebURL(value)
    }

    private static func attributeValue(_ node: xmlNodePtr, _ attribute: xmlAttrPtr) -> String {
        guard let value = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(value) }
        return String(cString: value)
    }
}
