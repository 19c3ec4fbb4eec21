// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Lotse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "LotseDomain"),
        .target(
            name: "LotseStore",
            dependencies: ["LotseDomain", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "TermCanvas"),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "NcursesBackend", dependencies: ["TermCanvas", "CNcursesw"]),
        .target(name: "LotseUI", dependencies: ["LotseDomain", "TermCanvas"]),
        .executableTarget(
            name: "lotse",
            dependencies: [
                "LotseDomain", "LotseStore", "TermCanvas", "NcursesBackend", "LotseUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LotseDomainTests", dependencies: ["LotseDomain"]),
        .testTarget(name: "LotseStoreTests", dependencies: ["LotseStore", "LotseDomain"]),
        .testTarget(name: "TermCanvasTests", dependencies: ["TermCanvas"]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TermCanvas"]),
        .testTarget(name: "LotseUITests", dependencies: ["LotseUI", "LotseDomain", "TermCanvas"]),
    ],
    swiftLanguageModes: [.v6]
)
