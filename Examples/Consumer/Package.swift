// swift-tools-version: 6.2
// What a program that uses PixelClient declares; CI evaluates this manifest so the README's
// lines stay valid Swift.
import PackageDescription

let package = Package(
    name: "MyTool",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/<owner>/PixelClient.git", from: "0.1.0")
    ],
    targets: [
        .executableTarget(
            name: "MyTool",
            dependencies: [
                .product(name: "PixelClient", package: "PixelClient")
            ]
        )
    ]
)
