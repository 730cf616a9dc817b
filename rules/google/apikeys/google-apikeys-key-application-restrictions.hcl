rule "google-apikeys-key-application-restrictions" {
  title     = "API key can be used from any website, address or app"
  severity  = "medium"
  area      = "identity-access"
  resources = ["google_apikeys_key"]
  compliance = {
    "cis-gcp-2.0" = ["1.13"]
  }

  description = <<-EOT
    A key without an application restriction is accepted from any caller: whoever finds it in a
    page, an app bundle or a repository can use it from anywhere. Restricting it to the sites
    (HTTP referrers), server addresses, Android packages or iOS bundle ids that use it makes a
    copied key useless elsewhere. A referrer list of `*`, or a server list with `0.0.0.0/0`,
    `0.0.0.0` or `::/0`, restricts nothing. Key restrictions are the customer's configuration.

    The rule reports a key with none of `browser_key_restrictions`, `server_key_restrictions`,
    `android_key_restrictions` and `ios_key_restrictions`, and the catch-all entries above. A
    wildcard written as a pattern such as `*.com/*` is not detected: the engine cannot yet test a
    pattern on each element of a list of strings.
  EOT
  remediation = "Add a `browser_key_restrictions`, `server_key_restrictions`, `android_key_restrictions` or `ios_key_restrictions` block to `restrictions` that names the sites, addresses or apps using the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/apikeys_key",
    "https://cloud.google.com/api-keys/docs/add-restrictions-api-keys",
  ]

  assert {
    any {
      attribute "restrictions.browser_key_restrictions" {
        present = true
      }
      attribute "restrictions.server_key_restrictions" {
        present = true
      }
      attribute "restrictions.android_key_restrictions" {
        present = true
      }
      attribute "restrictions.ios_key_restrictions" {
        present = true
      }
    }
    attribute "restrictions.browser_key_restrictions.allowed_referrers" {
      not_contains = "*"
      default      = []
    }
    attribute "restrictions.server_key_restrictions.allowed_ips" {
      not_contains = "0.0.0.0/0"
      default      = []
    }
    attribute "restrictions.server_key_restrictions.allowed_ips" {
      not_contains = "0.0.0.0"
      default      = []
    }
    attribute "restrictions.server_key_restrictions.allowed_ips" {
      not_contains = "::/0"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_apikeys_key" "unrestricted" {
        name         = "unrestricted"
        display_name = "Unrestricted"

        restrictions {  # expect: google-apikeys-key-application-restrictions
          api_targets {
            service = "translate.googleapis.com"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_apikeys_key" "server" {
        name         = "server"
        display_name = "Server key"

        restrictions {
          api_targets {
            service = "translate.googleapis.com"
          }

          server_key_restrictions {
            allowed_ips = ["0.0.0.0/0"]  # expect: google-apikeys-key-application-restrictions
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_apikeys_key" "browser" {
        name         = "browser"
        display_name = "Browser key"

        restrictions {
          browser_key_restrictions {
            allowed_referrers = ["*"]  # expect: google-apikeys-key-application-restrictions
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_apikeys_key" "browser" {
        name         = "browser"
        display_name = "Browser key"

        restrictions {
          api_targets {
            service = "maps-backend.googleapis.com"
          }

          browser_key_restrictions {
            allowed_referrers = ["https://www.example.com/*"]
          }
        }
      }

      resource "google_apikeys_key" "server" {
        name         = "server"
        display_name = "Server key"

        restrictions {
          server_key_restrictions {
            allowed_ips = ["203.0.113.10"]
          }
        }
      }

      resource "google_apikeys_key" "android" {
        name         = "android"
        display_name = "Android key"

        restrictions {
          android_key_restrictions {
            allowed_applications {
              package_name     = "com.example.app"
              sha1_fingerprint = "1699466a142d4682a5f91b50fdf400f2358e2b0b"
            }
          }
        }
      }

      resource "google_apikeys_key" "ios" {
        name         = "ios"
        display_name = "iOS key"

        restrictions {
          ios_key_restrictions {
            allowed_bundle_ids = ["com.example.app"]
          }
        }
      }
    EOT
  }
}
