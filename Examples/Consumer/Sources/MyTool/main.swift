import PixelClient

let client = try getClient()
print(try client.me().email ?? "")
