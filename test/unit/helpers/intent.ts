/** A device intent built by hand for the platform tests: nothing but what `more` gives (device "d", site "s", a leaf). */
import type { DeviceIntent } from "../../../intent/types";

export function deviceIntent(platform: DeviceIntent["platform"], more: Partial<DeviceIntent> = {}): DeviceIntent {
  return { device: "d", site: "s", platform, role: "leaf", vlans: [], ports: [], lags: [], gateways: [], routes: [], vrfs: [], management: {}, ...more };
}
