import Settings
import Testing

@Suite("DotEnv compat mode: API behaviour beyond the differential corpus")
struct DotEnvTests {
    private let sentinel = "S3NT1NEL-pa55word"

    @Test func documentationExampleHolds() throws {
        let document = try DotEnv.parse(
            "export PIXEL_TENANT=acme  # comment\nURL=\"https://${HOST:-localhost}/\"\n", file: ".env")
        #expect(document.values.map(\.key) == ["PIXEL_TENANT", "URL"])
        #expect(document.values.map(\.value) == ["acme", "https://localhost/"])
        #expect(document.bindings[1].valueLocation == SourceLocation(file: ".env", line: 2, column: 5))
        #expect(document.referencedEnvironmentNames == ["HOST"])
    }

    @Test func skippedStatementWarnsWithPythonLineAndOffendingPlace() throws {
        let document = try DotEnv.parse("a=1\n\n\nbad line\nb=2", file: ".env")
        #expect(document.values.map(\.key) == ["a", "b"])
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        #expect(warning.location == SourceLocation(file: ".env", line: 2, column: 1))
        #expect(warning.offendingLocation == SourceLocation(file: ".env", line: 4, column: 5))
        #expect(warning.message.contains("starting at line 2"))
        #expect(warning.description.hasPrefix(".env:2:1: "))
    }

    @Test func environmentIsAskedOnlyForNamesNotDefinedEarlier() throws {
        var asked: [String] = []
        let document = try DotEnv.parse("A=1\nB=${A}${C}\nD\nE=${D:-x}${F:-y}") { name in
            asked.append(name)
            return name == "C" ? "c" : nil
        }
        #expect(document.values.map(\.value) == ["1", "1c", nil, "y"])
        #expect(asked == ["C", "F"])
        #expect(document.referencedEnvironmentNames == ["C", "F"])
    }

    @Test func noInterpolationLooksNothingUp() throws {
        var asked = 0
        let document = try DotEnv.parse("A=${X}", interpolate: false) { _ in
            asked += 1
            return "x"
        }
        #expect(document.values.map(\.value) == ["${X}"])
        #expect(asked == 0)
        #expect(document.referencedEnvironmentNames.isEmpty)
    }

    @Test func universalNewlinesTranslateInsideQuotesLikeReadingAFile() throws {
        let text = "A=\"x\r\ny\"\rB='1\r2'\r\nC=3"
        let asStream = try DotEnv.parse(text)
        let asFile = try DotEnv.parse(text, universalNewlines: true)
        #expect(asStream.values.map(\.value) == ["x\r\ny", "1\r2", "3"])
        #expect(asFile.values.map(\.value) == ["x\ny", "1\n2", "3"])
        #expect(asFile.bindings.map(\.keyLocation.line) == asStream.bindings.map(\.keyLocation.line))
    }

    @Test func columnsCountUnicodeScalars() throws {
        let document = try DotEnv.parse("  \u{1F511}=\"v\"\né=ü x", file: "f")
        #expect(document.bindings[0].keyLocation == SourceLocation(file: "f", line: 1, column: 3))
        #expect(document.bindings[0].valueLocation == SourceLocation(file: "f", line: 1, column: 5))
        #expect(document.bindings[1].valueLocation == SourceLocation(file: "f", line: 2, column: 3))
        #expect(document.values.map(\.value) == ["v", "ü x"])
    }

    @Test func byteOrderMarkIsStrippedAndNotCounted() throws {
        let document = try DotEnv.parse("\u{FEFF}A=1")
        #expect(document.values.map(\.key) == ["A"])
        #expect(document.bindings[0].keyLocation.column == 1)
    }

    @Test func lastDuplicateWinsInFirstSeenOrderButEveryBindingIsKept() throws {
        let document = try DotEnv.parse("a=1\nb=2\na=3")
        #expect(document.values.map(\.key) == ["a", "b"])
        #expect(document.values.map(\.value) == ["3", "2"])
        #expect(document.bindings.count == 3)
    }

    @Test func warningsNeverContainValues() throws {
        let texts = [
            "PIXEL_PASSWORD=\"\(sentinel)\n", "PIXEL_PASSWORD='\(sentinel)' x", "PIXEL_PASSWORD \(sentinel)=1",
        ]
        for text in texts {
            let document = try DotEnv.parse(text, file: ".env")
            #expect(document.warnings.count == 1)
            #expect(!document.warnings.contains { $0.description.contains(sentinel) || $0.message.contains("S3NT") })
        }
    }

    @Test func jsonMatchesPythonJSONDumps() {
        // json.dumps({'A': 'é', 'B': None, 'C': '😀\x7f"\\\n\t\x01\x08\x0c\r/ ~'}) in Python 3.
        let json = DotEnvJSON.render([
            (key: "A", value: "é"), (key: "B", value: nil), (key: "C", value: "😀\u{7F}\"\\\n\t\u{01}\u{08}\u{0C}\r/ ~"),
        ])
        #expect(json == #"{"A": "\u00e9", "B": null, "C": "\ud83d\ude00\u007f\"\\\n\t\u0001\b\f\r/ ~"}"#)
        #expect(DotEnvJSON.render([]) == "{}")
    }
}
