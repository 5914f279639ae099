import Settings
import Testing

struct SettingConversionTests {
    @Test(arguments: ["true", "TRUE", "Yes", "on", "1", " true "])
    func boolAcceptsTrueWords(text: String) {
        #expect(SettingType.bool.convert(text) == .bool(true))
    }

    @Test(arguments: ["false", "No", "OFF", "0"])
    func boolAcceptsFalseWords(text: String) {
        #expect(SettingType.bool.convert(text) == .bool(false))
    }

    @Test(arguments: ["", "2", "truthy", "y", "nope"])
    func boolRejectsOtherWords(text: String) {
        #expect(SettingType.bool.convert(text) == nil)
    }

    @Test func integersAreDecimalNeverOctal() {
        #expect(SettingType.int.convert("012") == .int(12))
        #expect(SettingType.int.convert("-7") == .int(-7))
        #expect(SettingType.int.convert("+7") == .int(7))
        for bad in ["0x10", "1_000", "1e3", "12.0", "", "-", "9223372036854775808", "١٢"] {
            #expect(SettingType.int.convert(bad) == nil, "\(bad)")
        }
        #expect(SettingType.int.convert("-9223372036854775808") == .int(Int.min))
    }

    @Test func integerRangeIsEnforced() {
        #expect(SettingType.integer(1...10).convert("10") == .int(10))
        #expect(SettingType.integer(1...10).convert("0") == nil)
    }

    @Test func secondsArePositiveFiniteNumbers() {
        #expect(SettingType.seconds.convert("2.5") == .duration(.milliseconds(2500)))
        #expect(SettingType.seconds.convert("10") == .duration(.seconds(10)))
        for bad in ["0", "-1", "nan", "inf", "10s", "0x1p3", "", "1000000000.5", "99999999495", "1e12"] {
            #expect(SettingType.seconds.convert(bad) == nil, "\(bad)")
        }
        #expect(SettingType.seconds.convert("1e9") == .duration(.seconds(1_000_000_000)))
        #expect(SettingType.seconds.accepts(.duration(.seconds(1_000_000_000))))
        #expect(!SettingType.seconds.accepts(.duration(.seconds(1_000_000_001))))
    }

    @Test func stringsKeepTheirExactText() {
        for text in ["NO", "012345", "1.10", " padded ", "", "null"] {
            #expect(SettingType.string.convert(text) == .string(text))
        }
    }

    @Test func enumerationsAreCaseSensitive() {
        let type = SettingType.enumeration(["dev", "prod"])
        #expect(type.convert("dev") == .string("dev"))
        #expect(type.convert("PROD") == nil)
        #expect(type.expectation == "one of dev, prod")
    }

    @Test func urlsMustBeAbsoluteHTTP() {
        #expect(SettingType.url.convert("http://127.0.0.1:9/x") == .string("http://127.0.0.1:9/x"))
        #expect(SettingType.url.convert("https://example.com") == .string("https://example.com"))
        for bad in ["example.com", "ftp://x", "http://", "http://a b", ""] {
            #expect(SettingType.url.convert(bad) == nil, "\(bad)")
        }
    }

    @Test func secretValuesPrintRedacted() {
        let value = SettingValue.secret(Secret(sentinel))
        #expect(!value.description.contains(sentinel))
        #expect(!"\(value)".contains(sentinel))
    }
}
