package report

// HeldMost is the most rows of streamed tables ever held at once, and
// ResetHeld starts the count again (TestStreamHoldsOneRow).
func HeldMost() int64 { return held.most.Load() }

// ResetHeld starts the count of held rows again.
func ResetHeld() { held.most.Store(0) }

// LimitPDFRecords sets the most records a PDF holds until the test ends.
func LimitPDFRecords(t interface{ Cleanup(func()) }, n int) {
	old := maxPDFRecords
	maxPDFRecords = n
	t.Cleanup(func() { maxPDFRecords = old })
}

// PDFRecords is the most records a PDF holds.
func PDFRecords() int { return maxPDFRecords }
