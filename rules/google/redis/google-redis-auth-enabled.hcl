rule "google-redis-auth-enabled" {
  title     = "Memorystore for Redis instance accepts connections without AUTH"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_redis_instance",
  ]
  aliases   = ["CKV_GCP_95"]

  description = <<-EOT
    Without Redis AUTH, anything that can reach the instance's private address can read and change
     every key: cached sessions, tokens and application data. A single compromised VM or pod in the
     network is then enough. Severity is high. Google runs Redis; requiring AUTH is the customer's
     setting.

     `auth_enabled` defaults to `false`, so it must be set to `true`.
  EOT
  remediation = "Set `auth_enabled = true` and give clients the AUTH string from `google_redis_instance.auth_string` through a secret store."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#auth_enabled",
    "https://cloud.google.com/memorystore/docs/redis/about-redis-auth",
  ]

  assert {
    attribute "auth_enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_redis_instance" "cache" {  # expect: google-redis-auth-enabled
        name           = "cache"
        memory_size_gb = 1
        region         = "europe-west1"

      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_redis_instance" "cache" {
        name           = "cache"
        memory_size_gb = 1
        region         = "europe-west1"
        auth_enabled   = false  # expect: google-redis-auth-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_redis_instance" "cache" {
        name           = "cache"
        memory_size_gb = 1
        region         = "europe-west1"
        auth_enabled   = true
      }
    EOT
  }
}
