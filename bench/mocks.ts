/** The Pulumi program under mocks (filled in once components/ and stacks/ land). */
import type { Section } from "./run";

export async function benchMocks(_o: { root: string; work: string; sizes: readonly number[]; log: (line: string) => void }): Promise<Section> {
  return { title: "Pulumi program under mocks", markdown: "Not measured yet." };
}
