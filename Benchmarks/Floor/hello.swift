// The floor for start-up: the smallest Swift program that imports Foundation and
// prints, built the same way as the coach (optimised, Swift runtime linked in).
import Foundation

print("hello")
