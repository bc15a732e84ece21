/** Lab benchmarks: the real Pulumi engine against Ansible on the same lab switches (filled in next). */
import type { Section } from "./run";

export async function benchLab(_o: { root: string; work: string; sizes: readonly number[]; pulumi: boolean; ansible: boolean; quick: boolean; log: (line: string) => void }): Promise<Section[]> {
  return [{ title: "Lab: real engine and Ansible", markdown: "Not measured yet." }];
}
