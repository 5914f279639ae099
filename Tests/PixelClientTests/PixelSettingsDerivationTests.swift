import PixelClient
import Settings
import Testing

struct PixelSettingsDerivationTests {
    @Test(arguments: [("myTenant", "Mytenant"), ("ACME", "Acme"), ("acme", "Acme"), ("a", "A"), ("", "")])
    func realmFollowsPythonCapitalize(tenant: String, realm: String) {
        let settings = PixelSettings(username: "u", password: "p", tenant: tenant)
        #expect(settings.realm == realm)
    }

    @Test func defaultURLsUseEnvironmentAndLowercasedTenant() {
        let settings = PixelSettings(environment: .test, username: "u", password: "p", tenant: "ACME")
        #expect(settings.apiBaseURL == "https://test.api.geodatapixel.no/acme")
        #expect(settings.keycloakBaseURL == "https://test.keycloak.geodatapixel.no")
        #expect(settings.tokenEndpoint == "https://test.keycloak.geodatapixel.no/realms/Acme/protocol/openid-connect/token")
    }

    @Test func overridesReplaceTheWholeBase() {
        let settings = PixelSettings(
            username: "u", password: "p", tenant: "acme",
            authServerURLOverride: "http://127.0.0.1:9/", apiURLOverride: "http://127.0.0.1:9/other")
        #expect(settings.apiBaseURL == "http://127.0.0.1:9/other")
        #expect(settings.tokenEndpoint == "http://127.0.0.1:9/realms/Acme/protocol/openid-connect/token")
    }
}
