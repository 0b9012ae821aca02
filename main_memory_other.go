//go:build !unix

package main

// limitMemory does nothing where there is no address-space limit to read.
func limitMemory() {}
