@testable import BoltClient
import Testing

/// Drives the sans-IO state machine with decoded server messages; responders are plain integers.
@Suite struct BoltConnectionStateMachineTests {
    typealias Machine = BoltConnectionStateMachine<Int>

    private func machine(auth: BoltAuth = .basic(user: "neo4j", password: "secret")) -> Machine {
        Machine(configuration: .init(auth: auth, userAgent: "test/1.0", boltAgent: ["product": "test/1.0"]))
    }

    /// A machine that completed the handshake (5.7) and LOGON.
    private func readyMachine() -> Machine {
        var sm = machine()
        _ = sm.channelActive()
        _ = sm.handshakeReceived(0x0000_0705)
        _ = sm.messageReceived(.success(["server": "Neo4j/5.26.0"]))
        _ = sm.messageReceived(.success([:]))
        return sm
    }

    @Test func bolt57SendsHelloWithBoltAgentThenLogon() {
        var sm = machine()
        guard case .sendHandshake = sm.channelActive() else { Issue.record("expected handshake"); return }
        guard case .send(let requests) = sm.handshakeReceived(0x0000_0705) else {
            Issue.record("expected HELLO and LOGON")
            return
        }
        #expect(requests == [
            .hello(extra: ["user_agent": "test/1.0", "bolt_agent": ["product": "test/1.0"]]),
            .logon(auth: ["scheme": "basic", "principal": "neo4j", "credentials": "secret"]),
        ])
        #expect(sm.state == .authenticating(awaiting: 2))
        guard case .none = sm.messageReceived(.success(["server": "Neo4j/5.26.0", "connection_id": "bolt-1"])) else {
            Issue.record("HELLO SUCCESS alone must not finish authentication")
            return
        }
        guard case .connected(let version, let metadata) = sm.messageReceived(.success([:])) else {
            Issue.record("expected connected after LOGON SUCCESS")
            return
        }
        #expect(version == BoltVersion(5, 7))
        #expect(metadata == ["server": "Neo4j/5.26.0", "connection_id": "bolt-1"])
        #expect(sm.state == .ready)
    }

    @Test func bolt51SendsLogonButNoBoltAgent() {
        var sm = machine()
        _ = sm.channelActive()
        guard case .send(let requests) = sm.handshakeReceived(0x0000_0105) else { Issue.record("expected send"); return }
        #expect(requests.first == .hello(extra: ["user_agent": "test/1.0"]))
        #expect(requests.count == 2)
    }

    @Test func bolt44PutsCredentialsInHello() {
        var sm = machine()
        _ = sm.channelActive()
        guard case .send(let requests) = sm.handshakeReceived(0x0000_0404) else { Issue.record("expected send"); return }
        #expect(requests == [.hello(extra: ["user_agent": "test/1.0", "scheme": "basic", "principal": "neo4j",
                                            "credentials": "secret"])])
        guard case .connected(let version, _) = sm.messageReceived(.success(["server": "Neo4j/4.4.0"])) else {
            Issue.record("expected connected after HELLO SUCCESS")
            return
        }
        #expect(version == .v4_4)
    }

    @Test func authenticationFailureClosesWithTheServerError() {
        var sm = machine()
        _ = sm.channelActive()
        _ = sm.handshakeReceived(0x0000_0705)
        _ = sm.messageReceived(.success([:]))
        guard case .close(let error, let failing) = sm.messageReceived(
            .failure(["code": "Neo.ClientError.Security.Unauthorized", "message": "bad credentials"])) else {
            Issue.record("expected close")
            return
        }
        #expect(error == .server(code: "Neo.ClientError.Security.Unauthorized", message: "bad credentials"))
        #expect(failing.isEmpty)
        #expect(sm.state == .closing)
    }

    @Test func unsupportedVersionClosesWithHandshakeError() {
        var sm = machine()
        _ = sm.channelActive()
        guard case .close(let error, _) = sm.handshakeReceived(0) else { Issue.record("expected close"); return }
        #expect(error == .handshakeFailed("server supports none of the proposed versions 5.7-5.0, 4.4"))
    }

    @Test func runAndPullCollectRecordsIntoThePullReply() {
        var sm = readyMachine()
        let requests: [BoltRequest] = [.run(query: "RETURN 1", parameters: [:], extra: [:]), .pull(n: 2, qid: -1)]
        guard case .send(let sent) = sm.submit(requests, responder: 7) else { Issue.record("expected send"); return }
        #expect(sent == requests)
        guard case .none = sm.messageReceived(.success(["fields": ["x"]])) else { Issue.record("RUN reply"); return }
        guard case .none = sm.messageReceived(.record([1])) else { Issue.record("record 1"); return }
        guard case .none = sm.messageReceived(.record([2])) else { Issue.record("record 2"); return }
        guard case .complete(let responder, let replies) = sm.messageReceived(.success(["has_more": true])) else {
            Issue.record("expected completion")
            return
        }
        #expect(responder == 7)
        #expect(replies == [.success(metadata: ["fields": ["x"]], records: []),
                            .success(metadata: ["has_more": true], records: [[1], [2]])])
        #expect(sm.pendingExchanges == 0)
    }

    @Test func failureQueuesResetAndLaterRequestsAreIgnored() {
        var sm = readyMachine()
        _ = sm.submit([.run(query: "BAD", parameters: [:], extra: [:]), .pull(n: -1, qid: -1)], responder: 1)
        let failure = BoltResponse.failure(["code": "Neo.ClientError.Statement.SyntaxError", "message": "oops"])
        guard case .send(let reset) = sm.messageReceived(failure) else { Issue.record("expected RESET"); return }
        #expect(reset == [.reset])
        #expect(sm.awaitingReset)
        guard case .complete(1, let replies) = sm.messageReceived(.ignored) else {
            Issue.record("expected completion of exchange 1")
            return
        }
        #expect(replies == [.failure(.server(code: "Neo.ClientError.Statement.SyntaxError", message: "oops")), .ignored])
        _ = sm.submit([.run(query: "RETURN 1", parameters: [:], extra: [:])], responder: 2)
        guard case .none = sm.messageReceived(.success([:])) else { Issue.record("RESET reply is internal"); return }
        #expect(sm.awaitingReset == false)
        guard case .complete(2, _) = sm.messageReceived(.success(["fields": []])) else {
            Issue.record("exchange after RESET must complete")
            return
        }
    }

    @Test func failureThatEndsAnExchangeCompletesAndSendsReset() {
        var sm = readyMachine()
        _ = sm.submit([.commit], responder: 3)
        guard case .completeAndSend(3, let replies, let requests) = sm.messageReceived(
            .failure(["code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"])) else {
            Issue.record("expected completeAndSend")
            return
        }
        #expect(replies == [.failure(.server(code: "Neo.TransientError.Transaction.DeadlockDetected", message: "deadlock"))])
        #expect(requests == [.reset])
    }

    @Test func transactionStateFollowsBeginCommitRollbackAndReset() {
        var sm = readyMachine()
        _ = sm.submit([.begin(extra: [:])], responder: 1)
        _ = sm.messageReceived(.success([:]))
        #expect(sm.inTransaction)
        _ = sm.submit([.commit], responder: 2)
        _ = sm.messageReceived(.success(["bookmark": "bm:1"]))
        #expect(sm.inTransaction == false)
        _ = sm.submit([.begin(extra: [:])], responder: 3)
        _ = sm.messageReceived(.success([:]))
        _ = sm.submit([.reset], responder: 4)
        _ = sm.messageReceived(.success([:]))
        #expect(sm.inTransaction == false)
    }

    @Test func recordForANonPullRequestIsAProtocolViolation() {
        var sm = readyMachine()
        _ = sm.submit([.begin(extra: [:])], responder: 9)
        guard case .close(let error, let failing) = sm.messageReceived(.record([1])) else {
            Issue.record("expected close")
            return
        }
        #expect(error == .protocolViolation("server sent RECORD in reply to BEGIN, expected only for PULL"))
        #expect(failing == [9])
    }

    @Test func unsolicitedMessageIsAProtocolViolation() {
        var sm = readyMachine()
        guard case .close(let error, _) = sm.messageReceived(.success([:])) else { Issue.record("expected close"); return }
        #expect(error == .protocolViolation("server sent SUCCESS but no request is pending"))
    }

    @Test func closeSendsGoodbyeAndRefusesLaterWork() {
        var sm = readyMachine()
        guard case .sendAndClose(let requests) = sm.close() else { Issue.record("expected GOODBYE"); return }
        #expect(requests == [.goodbye])
        guard case .refuse(5, let error) = sm.submit([.reset], responder: 5) else { Issue.record("expected refuse"); return }
        #expect(error == .connectionClosed(reason: "connection is closing, expected ready"))
        guard case .close(let closed, let failing) = sm.channelInactive() else { Issue.record("expected close"); return }
        #expect(closed == .connectionClosed(reason: "closed by the client"))
        #expect(failing.isEmpty)
    }

    @Test func channelLossFailsEveryPendingExchange() {
        var sm = readyMachine()
        _ = sm.submit([.begin(extra: [:])], responder: 1)
        _ = sm.submit([.commit], responder: 2)
        guard case .close(let error, let failing) = sm.channelInactive() else { Issue.record("expected close"); return }
        #expect(failing == [1, 2])
        #expect(error.classification == .connection)
        #expect(error.isRetryable)
        #expect(sm.state == .closed)
    }
}
