/// libxml2 could not write a sheet's XML.
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problem: String

    public init(_ problem: String) { self.problem = problem }

    public var description: String { "workbook: \(problem)" }
}
