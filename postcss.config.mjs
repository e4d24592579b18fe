// Tailwind CSS v4 runs as a PostCSS plugin inside Next's CSS pipeline (no tailwind.config: tokens live in app/globals.css).
export default { plugins: { "@tailwindcss/postcss": {} } };
