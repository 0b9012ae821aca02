package charts

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"sync"
)

// EncodePNG writes an opaque chart image as a PNG. Go's image/png picks a
// filter for every row by trying all five, which costs more than drawing
// the chart; a chart is flat colour with straight edges, so the Up filter
// on every row compresses it almost as well at a fraction of the time. The
// alpha channel is dropped: charts paint their whole background.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, RGB
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	idat := &chunkWriter{w: bw, typ: "IDAT"}
	z, _ := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	bufs := rowPool.Get().(*rowBufs)
	defer rowPool.Put(bufs)
	stride := 1 + 3*width
	bufs.grow(stride)
	prev, cur := bufs.prev[:stride], bufs.cur[:stride]
	clear(prev)
	for y := 0; y < height; y++ {
		row := img.Pix[(y+b.Min.Y-img.Rect.Min.Y)*img.Stride+(b.Min.X-img.Rect.Min.X)*4:]
		// cur holds the raw RGB of this row; the filtered bytes go to out.
		for x := 0; x < width; x++ {
			copy(cur[1+3*x:4+3*x], row[4*x:4*x+3])
		}
		out := bufs.out[:stride]
		out[0] = 2 // Up
		for i := 1; i < stride; i++ {
			out[i] = cur[i] - prev[i]
		}
		if _, err := z.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

type rowBufs struct{ prev, cur, out []byte }

func (r *rowBufs) grow(n int) {
	if cap(r.prev) < n {
		r.prev, r.cur, r.out = make([]byte, n), make([]byte, n), make([]byte, n)
	}
}

var rowPool = sync.Pool{New: func() any { return &rowBufs{} }}

func writeChunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, p := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts the zlib stream into IDAT chunks of up to 256 KiB.
type chunkWriter struct {
	w   io.Writer
	typ string
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		room := 256<<10 - len(c.buf)
		k := min(room, len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == 256<<10 {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.typ, c.buf)
	c.buf = c.buf[:0]
	return err
}
