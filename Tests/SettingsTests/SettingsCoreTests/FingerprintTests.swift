import Settings
import Testing

struct FingerprintTests {
    static let golden = SettingsSchema(
        name: "g", prefixes: [],
        fields: [
            SettingField("z", env: ["Z"], type: .string, requirement: .optional, doc: ""),
            SettingField("t", env: ["T"], type: .seconds, requirement: .optional, doc: ""),
            SettingField("p", env: ["P"], type: .string, requirement: .required, secret: true, doc: ""),
            SettingField("b", env: ["B"], type: .int, requirement: .required, doc: ""),
            SettingField("a", env: ["A"], type: .string, requirement: .required, doc: ""),
            SettingField("ignored", env: ["I"], type: .bool, requirement: .optional, fingerprinted: false, doc: ""),
        ])

    static let goldenValues: [String: SettingValue] = [
        "a": .string("x"), "b": .int(5), "p": .secret("pw"), "t": .duration(.milliseconds(2500)), "ignored": .bool(true),
    ]

    /// Pinned against an independent Python computation of the documented v2 encoding
    /// (`hmac.new(bytes(range(32)), b"settings.secret.v2\0g\0p\0pw", sha256)` for the secret), so
    /// the value is the same in every process with that key, in every release.
    @Test func goldenValueForAFixedInputAndKey() throws {
        let key = try FingerprintKey(bytes: Array(0..<32))
        #expect(
            SettingsFingerprint(schema: Self.golden, values: Self.goldenValues, key: key).hex
                == "f08d40ea1bcec63ce56d6d9337c07f97df8e9eaed508ebb7d291c4834dd6d70e")
    }

    /// The unkeyed version 1, which named session files before, stays computable to find them.
    @Test func version1GoldenValueIsUnchanged() {
        #expect(
            SettingsFingerprint.version1(schema: Self.golden, values: Self.goldenValues).hex
                == "7c178d61a8ea33816e183b1a619a71851cc0dc376b3bd231db8726030ff0d257")
    }

    @Test func sameInputTwiceGivesTheSameFingerprint() throws {
        #expect(try resolveDemo().fingerprint == resolveDemo().fingerprint)
    }

    @Test func passwordChangeChangesTheFingerprintAndPrintsNothing() throws {
        let before = try resolveDemo()
        let after = try resolveDemo(env: demoRequired.merging(["DEMO_PASSWORD": sentinel + "2"]) { $1 })
        #expect(before.fingerprint != after.fingerprint)
        #expect(!before.fingerprint.description.contains(sentinel))
        #expect(before.fingerprint.hex.count == 64)
        #expect(after.changes(since: before).map(\.description) == ["password: changed"])
    }

    @Test func everyFieldTakesPart() throws {
        let base = try resolveDemo().fingerprint
        let changes: [[String: String]] = [
            ["DEMO_USERNAME": "other"], ["DEMO_MODE": "dev"], ["DEMO_PORT": "1"], ["DEMO_TIMEOUT": "11"],
            ["DEMO_VERBOSE": "yes"], ["DEMO_SERVER": "http://x"], ["DEMO_LABEL": ""], ["DEMO_RATIO": "0.5"],
        ]
        var seen: Set<SettingsFingerprint> = [base]
        for change in changes {
            let fingerprint = try resolveDemo(env: demoRequired.merging(change) { $1 }).fingerprint
            #expect(seen.insert(fingerprint).inserted, "\(change)")
        }
    }

    @Test func sourceDoesNotMatterOnlyTheValue() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_PORT=9\n")
        let fromFile = try resolveDemo(envFiles: [".env"], directory: directory.path)
        let fromEnv = try resolveDemo(env: demoRequired.merging(["DEMO_PORT": "0009"]) { $1 })
        #expect(fromFile.fingerprint == fromEnv.fingerprint)
    }

    @Test func diffListsChangedFieldsInSchemaOrder() throws {
        let before = try resolveDemo()
        let after = try resolveDemo(env: demoRequired.merging(["DEMO_PORT": "1", "DEMO_LABEL": "l"]) { $1 })
        #expect(after.changes(since: before).map(\.description) == ["port: 8080 → 1", "label: <absent> → l"])
        #expect(before.changes(since: before).isEmpty)
    }
}
