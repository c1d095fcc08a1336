import Hummingbird

extension FakeSinchAPIHandler {
    /// `GET /v1/projects/{projectId}/importedNumbers`: one page of the scope's (filtered, ordered) records.
    func list(_ request: Request, projectId: String) async -> Response {
        counters.withLock { $0.listRequests += 1 }
        if configuration.latency > .zero {
            try? await Task.sleep(for: configuration.latency)
        }
        guard request.method == .get else {
            return Self.response(.wrapped(httpStatus: 405, status: "UNIMPLEMENTED", message: "Use GET"))
        }
        let parameters = FakeQueryString.parse((request.uri.query ?? "")[...])
        let hasPageToken = parameters?.contains { $0.name == "pageToken" && !$0.value.isEmpty } ?? false
        let fault = takeFault(for: .importedNumbers) { !$0.isPagingLoop || hasPageToken } ?? recurringFault()
        if let fault, let error = FakeErrorResponse.fault(fault) {
            return Self.response(error)
        }
        switch fault {
        case .stall(let duration): try? await Task.sleep(for: duration)
        case .expireTokens: tokens.expireAll()
        default: break
        }
        let credential: Credential
        switch authenticate(request) {
        case .success(let value): credential = value
        case .failure(let error): return Self.response(error)
        }
        if credential.method == .basic {
            counters.withLock { $0.basicAuthListRequests += 1 }
        }
        guard keyOpens(credential.keyID, projectId: projectId) else {
            return Self.response(.permissionDenied(projectId: projectId))
        }
        guard let parameters else {
            return Self.response(.invalidField("query", "Malformed percent-encoding in the query string"))
        }
        let parsed = FakeListRequest.parse(
            parameters: parameters,
            projectId: projectId,
            dataSet: dataSet,
            defaultPageSize: configuration.defaultPageSize,
            pageSizeCap: configuration.pageSizeCap
        )
        switch parsed {
        case .failure(let error) where error.httpStatus == 404 && configuration.unknownScopesAnswerEmpty:
            // The only 404 of the parsing is an unknown service plan + campaign pair.
            counters.withLock { $0.pagesServed += 1 }
            return Self.jsonResponse(Array(#"{"importedNumbers":[],"totalSize":0}"#.utf8))
        case .failure(let error):
            return Self.response(error)
        case .success(let listRequest):
            var request = listRequest
            if fault == .oversizedPage { request.pageSize *= 2 }
            switch page(for: request, loop: fault?.isPagingLoop == true || fault == .overlappingPage ? fault : nil) {
            case .success(let (bytes, records)):
                counters.withLock {
                    $0.pagesServed += 1
                    $0.recordsServed += records
                }
                switch fault {
                case .truncatedJSON: return Self.jsonResponse(Array(bytes.prefix(bytes.count / 2)))
                case .invalidJSON: return Self.jsonResponse(Array("<html><body>502 Bad Gateway</body></html>".utf8))
                case .connectionReset: return Self.resetResponse(bytes)
                case .trickle(let interval): return Self.trickleResponse(bytes, interval: interval)
                case .endlessChunked: return Self.endlessResponse()
                case .duplicateMembers: return Self.jsonResponse(FakePageMutation.duplicatePhoneNumber(bytes))
                case .duplicatePageMember: return Self.jsonResponse(FakePageMutation.duplicateNextPageToken(bytes))
                case .invalidUTF8: return Self.jsonResponse(FakePageMutation.invalidUTF8(bytes))
                default: return Self.jsonResponse(bytes)
                }
            case .failure(let error):
                return Self.response(error)
            }
        }
    }

    /// The JSON bytes of one page and how many records they hold.
    ///
    /// With `loop`, the page's `nextPageToken` repeats the request's own token (``FakeSinchAPIFault/repeatPageToken``)
    /// or points back at the second page (``FakeSinchAPIFault/rewindPageToken``): an injected paging loop.
    func page(for request: FakeListRequest, loop: FakeSinchAPIFault? = nil) -> Result<([UInt8], Int), FakeErrorResponse>
    {
        let query = request.query
        let scope = query.scopeIndex
        let selection: [Int32]? = query.isIdentity ? nil : indexCache.indices(for: query, in: dataSet)
        let total = selection?.count ?? dataSet.count(scope: scope)
        var offset = 0
        if let token = request.pageToken {
            switch pageTokens.decode(token, query: query) {
            case .success(let decoded) where decoded < total || (decoded == 0 && total == 0):
                offset = decoded
            case .success:
                return .failure(.invalidArgument("Invalid page token: it points past the end of the results"))
            case .failure(.otherQuery):
                return .failure(.invalidArgument("Invalid page token: it belongs to a different query"))
            case .failure(.malformed):
                return .failure(.invalidArgument("Invalid page token"))
            }
        }
        let end = min(offset + request.pageSize, total)
        var writer = FakeJSONWriter(capacity: (end - offset) * 1_600 + 128)
        writer.beginObject()
        writer.key("importedNumbers")
        writer.beginArray()
        for row in offset..<end {
            let index = selection.map { Int($0[row]) } ?? dataSet.recordIndex(scope: scope, row: row)
            dataSet.writeRecord(scope: scope, index: index, to: &writer)
        }
        writer.endArray()
        if loop == .repeatPageToken, let token = request.pageToken {
            writer.field("nextPageToken", token)
        } else if loop == .overlappingPage, end < total {
            writer.field("nextPageToken", pageTokens.encode(offset: max(offset + 1, end - 5), query: query))
        } else if loop == .rewindPageToken {
            writer.field("nextPageToken", pageTokens.encode(offset: min(request.pageSize, total), query: query))
        } else if end < total {
            writer.field("nextPageToken", pageTokens.encode(offset: end, query: query))
        } else if (UInt64(scope) &+ configuration.seed) % 2 == 0 {
            writer.field("nextPageToken", "")
        }
        writer.field("totalSize", total)
        writer.endObject()
        return .success((writer.bytes, end - offset))
    }

    /// The next of ``FakeSinchAPIConfiguration/recurringFaults`` when this request is due for one.
    func recurringFault() -> FakeSinchAPIFault? {
        let faults = configuration.recurringFaults
        guard !faults.isEmpty, configuration.faultEvery > 0 else { return nil }
        return counters.withLock { counters -> FakeSinchAPIFault? in
            counters.listRequestsForFaults += 1
            let count = counters.listRequestsForFaults
            guard count % configuration.faultEvery == 0 else { return nil }
            let fault = faults[(count / configuration.faultEvery - 1) % faults.count]
            return fault.isPagingLoop ? nil : fault
        }
    }

    /// Announces the whole body, then sends it one byte every `interval`; stops when the client goes away.
    static func trickleResponse(_ bytes: [UInt8], interval: Duration) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for byte in bytes {
                    try await writer.write(ByteBuffer(bytes: [byte]))
                    try await Task.sleep(for: interval)
                }
                try await writer.finish(nil)
            })
    }

    /// A chunked page that never ends: its start, then a space every 100 ms (for at most ten minutes,
    /// so that a forgotten server does not stream forever); stops when the client goes away.
    static func endlessResponse() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "{\"importedNumbers\":["))
                for _ in 0..<6_000 {
                    try await Task.sleep(for: .milliseconds(100))
                    try await writer.write(ByteBuffer(string: " "))
                }
                try await writer.finish(nil)
            })
    }

    /// Announces the whole body, sends half of it, then fails the stream so the connection is cut.
    static func resetResponse(_ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        let half = ByteBuffer(bytes: bytes.prefix(bytes.count / 2))
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(half)
                throw FakeSinchAPIError.serverDidNotStart("injected connection reset")
            })
    }
}
