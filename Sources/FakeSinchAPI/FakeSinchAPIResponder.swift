import Hummingbird

/// Hands every request to the ``FakeSinchAPIHandler``; the fake needs no router.
struct FakeSinchAPIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: FakeSinchAPIHandler

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        await handler.respond(to: request)
    }
}
