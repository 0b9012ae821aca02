/*
 * A stand-in for Windows' bcryptprimitives.dll, for the tests under Wine
 * only: Go's runtime (1.24 and later) asks it for ProcessPrng, which
 * Windows 10 and later provide and Wine 8.0 lacks. It fills the buffer
 * from RtlGenRandom (advapi32's SystemFunction036), the generator Go used
 * before. Never shipped: scripts/wintest builds it into the Wine prefix.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
