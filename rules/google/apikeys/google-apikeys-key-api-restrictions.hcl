rule "google-apikeys-key-api-restrictions" {
  title     = "API key may call every Google API"
  severity  = "medium"
  area      = "identity-access"
  resources = ["google_apikeys_key"]
  compliance = {
    "cis-gcp-2.0" = ["1.14"]
  }

  description = <<-EOT
    An API key is a bearer secret that usually ships inside a web page or a mobile app, so anyone
    can copy it. Without `restrictions.api_targets`, a copied key can call every API enabled in
    the project and is billed to it; `cloudapis.googleapis.com` as a target means the same. A key
    limited to the APIs the application uses bounds what a leaked key can do. Key restrictions are
    the customer's configuration.

    The rule reports a key with no `api_targets` block, or with a target for
    `cloudapis.googleapis.com`.
  EOT
  remediation = "Add `restrictions { api_targets { service = \"<the API the app calls>.googleapis.com\" } }` for each API the application needs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/apikeys_key",
    "https://cloud.google.com/api-keys/docs/add-restrictions-api-keys",
  ]

  assert {
    every "restrictions.api_targets" {
      attribute "service" {
        not_equals = "cloudapis.googleapis.com"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_apikeys_key" "maps" {
        name         = "maps"
        display_name = "Maps key"

        restrictions {  # expect: google-apikeys-key-api-restrictions
          browser_key_restrictions {
            allowed_referrers = ["https://www.example.com/*"]
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_apikeys_key" "all_apis" {
        name         = "all-apis"
        display_name = "All APIs"

        restrictions {
          api_targets {
            service = "cloudapis.googleapis.com"  # expect: google-apikeys-key-api-restrictions
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_apikeys_key" "maps" {
        name         = "maps"
        display_name = "Maps key"

        restrictions {
          api_targets {
            service = "maps-backend.googleapis.com"
          }

          browser_key_restrictions {
            allowed_referrers = ["https://www.example.com/*"]
          }
        }
      }
    EOT
  }
}
