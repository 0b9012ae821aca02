// Package idealpoint estimates states' ideal points, their positions on
// one dimension, from their votes: a dynamic ordinal spatial model in the
// manner of Bailey, Strezhnev and Voeten ("Estimating Dynamic State
// Preferences from United Nations Voting Data", Journal of Conflict
// Resolution 61(2), 2017).
//
// Votes are ordered no < abstain < yes through an ordinal logit on
// beta*theta; absent and non-voting are missing data. A state's position
// follows a Gaussian random walk from one period (a year or a session) to
// the next, freer over its first three moves, and is shrunk towards its
// period's mean with the period's own spread; roll calls on the same text
// in different periods share their parameters, which places the periods
// on one scale. Estimate finds
// the posterior mode by alternating Newton half-steps (states, whose
// Hessian is tridiagonal over their periods, then roll calls), accelerated
// by SQUAREM, and gives each position a 95% Laplace interval. The United
// States is on the positive side. docs/idealpoints.md gives the
// equations, priors, rules and the validation against the published
// estimates.
//
// The package reads only a record.Table and the rows selected from it, so
// the same estimation serves any filter (body, period, topic, important
// votes). It uses both cores, allocates nothing per vote in its loops and
// returns the same numbers for the same input. Dyads turns a result into
// the pairwise layout of the authors' dyadic file, and Key names a
// selection and options for caching.
package idealpoint
