pub mod builtins;
