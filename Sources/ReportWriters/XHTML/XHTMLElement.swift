import CLibXML2

/// An element of an ``XHTMLDocument``: append children, text and attributes.
public struct XHTMLElement {
    let node: xmlNodePtr
    /// Keeps the document (and so the node) alive.
    let document: XHTMLDocument

    /// Appends a child element in the XHTML namespace, with attributes and an optional text.
    @discardableResult
    public func append(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
    )
        -> XHTMLElement
    {
        let child = xmlNewDocNode(document.documentPointer, node.pointee.ns, name, nil)!
        xmlAddChild(node, child)
        let element = XHTMLElement(node: child, document: document)
        for (key, value) in attributes { element.setAttribute(key, value) }
        if let text { element.appendText(text) }
        return element
    }

    /// Appends text as a text node; libxml2 escapes it when the document is written.
    public func appendText(_ text: String) {
        let clean = SafeText.clean(text)
        guard !clean.isEmpty else { return }
        let textNode = xmlNewDocText(document.documentPointer, clean)!
        xmlAddChild(node, textNode)
    }

    /// Sets an attribute; the value is escaped when the document is written.
    public func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(node, name, SafeText.clean(value))
    }

    /// Removes every child: a slot may hold sample content in the template.
    public func removeChildren() {
        while let child = node.pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
    }

    /// Removes the element itself from the document.
    public func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Appends a link when `url` is an `http`/`https` URL, else the same text as plain text.
    public func appendLink(_ url: String, style: String) {
        if SafeText.isWebURL(url) {
            append("a", ["href": url, "style": style], text: url)
        } else {
            appendText(url)
        }
    }
}
