import Hummingbird

extension RouterMethods {
    /// Answers the common methods that `path` does not serve with `reply` (405-style), so a
    /// known path with another method is not mistaken for an unknown one.
    func answerOtherMethods(on path: RouterPath, serving served: [HTTPRequest.Method], with reply: @escaping @Sendable () -> Response) {
        for method in APIRouteTable.methods where !served.contains(method) {
            on(path, method: method) { _, _ in reply() }
        }
    }
}
