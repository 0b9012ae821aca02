// Package views is the one place where a question about the votes becomes
// a picture: it takes the dense table, a filter, a chart kind and a few
// options, asks package compare for the numbers and hands them to package
// charts with a title, a subtitle that states the filter in words and a
// footer naming the data and the Plenary version.
//
// The desktop app and the command line both call Build, so an image
// exported from either is the same image, and both write it through
// Chart.Render or WriteFile. Nothing here knows Fyne or SQL. Build is cheap
// enough to run on every change of a filter: the comparison index of a
// table is built once and kept for the next call.
package views
