import Testing

@testable import CoachKit

/// The parser's table of names finds every name it holds, at its slot, and nothing
/// else: names that differ by a byte, a prefix, an accent or their case are not
/// found, in tables of one to a thousand names.
@Suite("The parser's table of names")
struct NameSlotsTests {
    static func symbols(_ count: Int) -> [String: Checker.Symbol] {
        var symbols: [String: Checker.Symbol] = [:]
        for slot in 0..<count {
            let name = slot % 3 == 0 ? "question_\(slot)" : slot % 3 == 1 ? "q\(slot)" : "réponse_très_longue_\(slot)"
            symbols[name] = Checker.Symbol(slot: slot, type: .number)
        }
        return symbols
    }

    @Test(arguments: [1, 2, 3, 50, 1_000])
    func everyNameIsFoundAtItsSlot(count: Int) {
        let symbols = Self.symbols(count)
        let names = NameSlots(symbols)
        for (name, symbol) in symbols {
            #expect(names.slot(of: name) == Int32(symbol.slot), "\(name)")
            for other in [name + "x", String(name.dropLast()), name.uppercased(), "_" + name] {
                #expect(names.slot(of: other) == symbols[other].map { Int32($0.slot) }, "\(other)")
            }
        }
        #expect(names.slot(of: "") == nil)
        #expect(names.slot(of: "reponse_tres_longue_2") == nil)
        // The same name with its accents apart: equal as a `String`, other bytes. The
        // table compares bytes and leaves it to the checker.
        #expect(names.slot(of: "re\u{301}ponse_tre\u{300}s_longue_2") == nil)
    }

    @Test func anEmptyTableFindsNothing() {
        #expect(NameSlots().slot(of: "followers") == nil)
        #expect(NameSlots([:]).slot(of: "") == nil)
    }
}
