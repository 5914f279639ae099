import Settings
import Testing

struct SecretTests {
    static let sentinel = "S3NT1NEL-pa55word"

    @Test func redactsInDescriptionInterpolationAndDump() {
        let secret = Secret(Self.sentinel)
        #expect(!secret.description.contains(Self.sentinel))
        #expect(!secret.debugDescription.contains(Self.sentinel))
        #expect(!"\(secret)".contains(Self.sentinel))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains(Self.sentinel))
        #expect(secret.reveal() == Self.sentinel)
    }
}
