import Foundation
import Testing

/// The API fuzzed from its own OpenAPI document (schemathesis, installed by `.ci/run`) against a live
/// `graphwiz api demo` on 127.0.0.1: no request may get a 5xx and the server may log no unhandled error.
/// `scripts/api-fuzz.sh` with a larger `MAX_EXAMPLES` is the long run.
@Suite struct APIFuzzTests {
    @Test("schemathesis finds no server error in any operation of the OpenAPI document",
          .enabled(if: DeployValidationTests.installed("schemathesis")))
    func fuzzFindsNoServerError() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("graphwiz").path
        let (status, output) = try await DeployValidationTests.run(
            ["GRAPHWIZ=\(binary)", "MAX_EXAMPLES=15", "bash", "scripts/api-fuzz.sh"], limit: 900)
        #expect(status == 0, "\(output.suffix(6_000))")
        #expect(output.contains("api-fuzz: schemathesis exit 0"), "\(output.suffix(6_000))")
        #expect(!output.contains("unhandled API error"), "\(output.suffix(6_000))")
    }
}
