import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const apiTarget = process.env.DOORLIST_API ?? "http://localhost:8080";

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // "prompt": a new version waits for the person to tap Update, so nobody is reloaded mid-scan.
      registerType: "prompt",
      injectRegister: false,
      includeAssets: ["icon.svg", "icon-192.png", "icon-512.png"],
      manifest: {
        name: "Doorlist",
        short_name: "Doorlist",
        description: "Offline check-in for doors, tables and pickups",
        theme_color: "#111827",
        background_color: "#111827",
        display: "standalone",
        start_url: "/",
        scope: "/",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
      },
      workbox: {
        // Without clientsClaim the first visit is not controlled and lazy chunks fail offline.
        clientsClaim: true,
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,wasm}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
      },
    }),
  ],
  server: {
    proxy: { "/api": apiTarget },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
  },
});
