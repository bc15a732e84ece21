/**
 * Route distinguishers whose assigned number is not all digits (model/ip.ts rdProblem): RFC 4364 section 4.2
 * gives the assigned number as a decimal integer, so anything after its digits makes the RD no RD at all,
 * whichever type the administrator part says.
 */
import { describe, expect, it } from "vitest";
import { rdProblem } from "../../../model/ip";

describe("route distinguishers: the assigned number is digits to its end", () => {
  it("digits followed by anything else are refused, for an ASN or an IPv4 administrator", () => {
    for (const bad of ["65001:1x", "65001:10 ", "65001:1:", "4200000000:7a", "10.0.0.1:5x", "10.0.0.1:65535.0"]) expect(rdProblem(bad), bad).toBe("is not ASN:NN or IPv4:NN");
  });
});
