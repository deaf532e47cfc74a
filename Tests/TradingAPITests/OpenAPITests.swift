import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TradingAPI

/// The served OpenAPI document lists exactly the registered routes, with the roles the router enforces.
@Suite struct OpenAPITests {
    static func document() async throws -> [String: Any] {
        try await APIFixtures.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return APIFixtures.object(response.body)
            }
        }
    }

    @Test func documentIsOpenAPI31() async throws {
        let document = try await Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
    }

    @Test func documentedPathsAndMethodsEqualTheRegisteredRoutes() async throws {
        let document = try await Self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let router = try await buildRouter(control: APIFixtures.control(), security: try APIFixtures.security())
        let registered = Set(router.routes.map { route in
            let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method) /" + path.joined(separator: "/")
        })
        #expect(documented == registered)
    }

    @Test func documentedRolesMatchTheAuthMatrix() async throws {
        let document = try await Self.document()
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for endpoint in AuthMatrixTests.endpoints {
            let pattern = endpoint.path.replacingOccurrences(of: "/bt-1", with: "/{id}")
                .replacingOccurrences(of: "/orders/x", with: "/orders/{clientOrderId}")
                .replacingOccurrences(of: "/sma_cross-1/", with: "/{id}/")
            let operation = paths[pattern]?[endpoint.method.rawValue.lowercased()]
            #expect(operation?["x-required-role"] as? String == endpoint.role.rawValue, "\(endpoint)")
        }
    }
}
