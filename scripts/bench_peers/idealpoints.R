#!/usr/bin/env Rscript
# Peer for Plenary's ideal points: MCMCpack's MCMCdynamicIRT1d (Martin and
# Quinn's dynamic one-dimensional IRT, by Gibbs sampling) on a slice of the
# unvotes General Assembly votes, from the CSVs.
#
#   Rscript idealpoints.R DATA_DIR FROM_YEAR TO_YEAR [SWEEPS [OUT.csv]]
#
# MCMCdynamicIRT1d models yes/no votes only, so abstentions count as
# missing here (Plenary keeps them as the middle category): the peer does
# less work per vote, not more. Periods are calendar years, as in
# Plenary's `--by year`. SWEEPS (default 300: a third burn-in) is short
# for a sampler, which only flatters the peer. Prints "seconds N" (the
# sampler alone, not the reading of the CSVs) and the slice's size; with
# OUT.csv also writes
# each state-year's posterior mean (iso3 by the package's two-letter code,
# year, ideal).
suppressPackageStartupMessages(library(MCMCpack))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; from <- as.integer(args[2]); to <- as.integer(args[3])
sweeps <- if (length(args) >= 4) as.integer(args[4]) else 300
out <- if (length(args) >= 5) args[5] else ""

rc <- read.csv(file.path(dir, "roll_calls.csv"), stringsAsFactors = FALSE)
rc$year <- as.integer(substr(rc$date, 1, 4))
rc <- rc[rc$year >= from & rc$year <= to, c("rcid", "year")]
v <- read.csv(file.path(dir, "votes.csv"), stringsAsFactors = FALSE, na.strings = "")
v <- v[v$rcid %in% rc$rcid & v$vote %in% c("yes", "no"), ]
v$code <- ifelse(is.na(v$country_code), v$country, v$country_code)

states <- sort(unique(v$code))
calls <- sort(unique(v$rcid))
m <- matrix(NA_integer_, length(states), length(calls), dimnames = list(states, calls))
m[cbind(match(v$code, states), match(v$rcid, calls))] <- ifelse(v$vote == "yes", 1L, 0L)
# Unanimous roll calls say nothing; states with under 10 votes are dropped.
keep <- apply(m, 2, function(x) length(unique(na.omit(x))) == 2)
m <- m[, keep, drop = FALSE]
m <- m[rowSums(!is.na(m)) >= 10, , drop = FALSE]
years <- rc$year[match(as.integer(colnames(m)), rc$rcid)]
time <- years - min(years) + 1

set.seed(1)
secs <- system.time(
  post <- MCMCdynamicIRT1d(m, item.time.map = time,
                           theta.constraints = list(US = "+", IL = "+"),
                           burnin = sweeps %/% 3, mcmc = sweeps - sweeps %/% 3, thin = 1,
                           tau2.start = rep(0.1, nrow(m)), e0 = 0, E0 = 1,
                           a0 = 0, A0 = 1, b0 = 0, B0 = 1, c0 = -1, d0 = -1,
                           store.item = FALSE, verbose = 0)
)[["elapsed"]]
cat(sprintf("seconds %.3f\n", secs))
cat(sprintf("slice %d-%d: %d states, %d roll calls, %d yes/no votes, %d sweeps\n",
            from, to, nrow(m), ncol(m), sum(!is.na(m)), sweeps))

if (out != "") {
  means <- colMeans(post)
  # Columns are named theta.<state>.t<k> (then tau2.<state>).
  means <- means[startsWith(names(means), "theta.")]
  parts <- do.call(rbind, strsplit(sub("^theta\\.", "", names(means)), ".t", fixed = TRUE))
  write.csv(data.frame(code = parts[, 1], year = min(years) - 1 + as.integer(parts[, 2]),
                       ideal = unname(means)), out, row.names = FALSE)
}
