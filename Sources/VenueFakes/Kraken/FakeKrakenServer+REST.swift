import Crypto
import Foundation

extension FakeKrakenServer {
    /// One public GET: returns the response text.
    func handlePublic(_ method: String, _ query: [String: String]) -> String {
        state.withLock { s in
            let now = s.nowNanos()
            let result: Result<FakeJSON, FakeKrakenFailure>
            if var queue = s.venue.injected["public/" + method], !queue.isEmpty {
                result = .failure(FakeKrakenFailure(queue.removeFirst()))
                s.venue.injected["public/" + method] = queue
            } else {
                switch method {
                case "Time": result = .success(.object([("unixtime", .int(now / 1_000_000_000)),
                                                        ("rfc1123", .string(""))]))
                case "AssetPairs": result = s.venue.assetPairs(query)
                case "OHLC": result = s.venue.ohlc(query, nowNanos: now)
                case "Trades": result = s.venue.publicTrades(query)
                case "Ticker": result = s.venue.ticker(query)
                case "Depth": result = s.venue.depth(query, nowSeconds: now / 1_000_000_000)
                default: result = .failure("EGeneral:Unknown method")
                }
            }
            return Self.envelope(result)
        }
    }

    /// One private POST: checks key, signature and nonce, runs the method; returns the response text and
    /// whether to drop it (the order hook).
    func handlePrivate(_ method: String, body: String, apiKey: String?, sign: String?) -> (String, Bool, Double?) {
        let fields = FakeKrakenForm.decode(body)
        var dict: [String: String] = [:]
        for (k, v) in fields where dict[k] == nil { dict[k] = v }
        let expected: String? = dict["nonce"].map { nonce in
            let inner = SHA256.hash(data: Data((nonce + body).utf8))
            var message = Data("/0/private/\(method)".utf8)
            message.append(contentsOf: inner)
            return Data(HMAC<SHA512>.authenticationCode(for: message, using: key)).base64EncodedString()
        }
        return state.withLock { s in
            guard apiKey == self.apiKey else { return (Self.envelope(.failure("EAPI:Invalid key")), false, nil) }
            guard let nonceText = dict["nonce"], let nonce = UInt64(nonceText) else {
                s.venue.nonceRejections += 1
                return (Self.envelope(.failure("EAPI:Invalid nonce")), false, nil)
            }
            guard let sign, sign == expected else { return (Self.envelope(.failure("EAPI:Invalid signature")), false, nil) }
            guard nonce > s.venue.lastNonce else {
                s.venue.nonceRejections += 1
                return (Self.envelope(.failure("EAPI:Invalid nonce")), false, nil)
            }
            s.venue.lastNonce = nonce
            let now = Double(s.nowNanos()) / 1e9
            let result = s.venue.privateCall(method, dict, now: now)
            s.flush()
            var drop = false
            var delay: Double?
            if method == "AddOrder" {
                drop = s.dropNextOrderResponse
                delay = s.delayNextOrderResponse
                s.dropNextOrderResponse = false
                s.delayNextOrderResponse = nil
            }
            return (Self.envelope(result), drop, delay)
        }
    }
}
