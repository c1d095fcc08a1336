/// A report template that cannot be used, or a document that cannot be written.
public struct XHTMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template's name (its path) as given.
    public var template: String
    public var problem: String

    public init(template: String, problem: String) {
        self.template = template
        self.problem = problem
    }

    public var description: String { "report template \(template): \(problem)" }
}
