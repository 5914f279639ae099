import Settings
import Testing

/// One `.env` text and what python-dotenv 1.2.2 makes of it (generated into
/// DotEnvDifferentialCases.swift by scripts/dotenv-differential.py).
struct DotEnvDifferentialCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var interpolate: Bool
    var environment: [String: String]
    /// `dotenv_values()` in order.
    var values: [DotEnvExpectedValue]
    /// The lines python-dotenv warns about, in order.
    var warningLines: [Int]
    /// Key and value line:column of every binding that defines a key.
    var locations: [DotEnvExpectedLocations]
    /// Names interpolation looks up in the environment, sorted.
    var referenced: [String]

    var testDescription: String { name }
}

struct DotEnvExpectedValue: Sendable, Equatable, CustomStringConvertible {
    var key: String
    var value: String?
    init(_ key: String, _ value: String?) {
        self.key = key
        self.value = value
    }
    var description: String { "\(key)=\(value.map { "\"\($0)\"" } ?? "nil")" }
}

struct DotEnvExpectedLocations: Sendable, Equatable, CustomStringConvertible {
    var keyLine: Int
    var keyColumn: Int
    var valueLine: Int?
    var valueColumn: Int?
    init(_ keyLine: Int, _ keyColumn: Int, _ valueLine: Int?, _ valueColumn: Int?) {
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.valueLine = valueLine
        self.valueColumn = valueColumn
    }
    var description: String { "key \(keyLine):\(keyColumn) value \(valueLine.map(String.init) ?? "-"):\(valueColumn.map(String.init) ?? "-")" }
}

@Suite("python-dotenv 1.2.2 differential corpus")
struct DotEnvDifferentialTests {
    @Test func corpusCoversEnoughCases() {
        #expect(DotEnvDifferentialCase.all.count >= 100)
        #expect(DotEnvDifferentialCase.all.contains { !$0.warningLines.isEmpty })
        #expect(DotEnvDifferentialCase.all.contains { !$0.interpolate })
    }

    @Test(arguments: DotEnvDifferentialCase.all)
    func compatModeMatchesPythonDotenv(_ testCase: DotEnvDifferentialCase) throws {
        let document = try DotEnv.parse(
            testCase.text, file: ".env", mode: .compat, interpolate: testCase.interpolate,
            environment: { testCase.environment[$0] })
        #expect(document.values.map { DotEnvExpectedValue($0.key, $0.value) } == testCase.values)
        #expect(document.warnings.map(\.location.line) == testCase.warningLines)
        #expect(document.warnings.allSatisfy { $0.location.column == 1 && $0.location.file == ".env" })
        let locations = document.bindings.map {
            DotEnvExpectedLocations($0.keyLocation.line, $0.keyLocation.column, $0.valueLocation?.line, $0.valueLocation?.column)
        }
        #expect(locations == testCase.locations)
        #expect(document.referencedEnvironmentNames.sorted() == testCase.referenced)
    }
}
