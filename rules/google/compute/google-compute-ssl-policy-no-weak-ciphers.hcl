rule "google-compute-ssl-policy-no-weak-ciphers" {
  title     = "SSL policy permits weak cipher suites"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "google_compute_ssl_policy",
    "google_compute_region_ssl_policy",
  ]
  aliases = ["CKV_GCP_4"]
  compliance = {
    "cis-gcp-2.0" = ["3.9"]
  }

  description = <<-EOT
    The `COMPATIBLE` profile, which an SSL policy uses unless `profile` says otherwise, lets HTTPS
    and SSL proxy load balancers negotiate the widest set of cipher suites, including suites with
    RSA key exchange (no forward secrecy), CBC-mode SHA-1 suites and 3DES. A client that offers only
    those gets a connection an attacker who later obtains the certificate's key, or who can mount a
    padding or birthday attack, may decrypt. Which suites the load balancer offers is the
    customer's setting.

    The rule accepts what the CIS benchmark accepts: `profile = "RESTRICTED"`, `profile = "MODERN"`
    with `min_tls_version = "TLS_1_2"`, or `profile = "CUSTOM"` whose `custom_features` list none of
    the RSA key-exchange suites (`TLS_RSA_WITH_AES_128_GCM_SHA256`, `TLS_RSA_WITH_AES_256_GCM_SHA384`,
    `TLS_RSA_WITH_AES_128_CBC_SHA`, `TLS_RSA_WITH_AES_256_CBC_SHA`, `TLS_RSA_WITH_3DES_EDE_CBC_SHA`).
    The protocol version alone is checked by `google-compute-ssl-policy-min-tls`.
  EOT
  remediation = "Set `profile = \"MODERN\"` with `min_tls_version = \"TLS_1_2\"`, or `profile = \"RESTRICTED\"`, or a `CUSTOM` profile whose `custom_features` list only ECDHE suites."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_ssl_policy#profile",
    "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
  ]

  assert {
    any {
      attribute "profile" {
        equals  = "RESTRICTED"
        default = "COMPATIBLE"
      }
      all {
        attribute "profile" {
          equals  = "MODERN"
          default = "COMPATIBLE"
        }
        attribute "min_tls_version" {
          one_of  = ["TLS_1_2", "TLS_1_3"]
          default = "TLS_1_0"
        }
      }
      all {
        attribute "profile" {
          equals  = "CUSTOM"
          default = "COMPATIBLE"
        }
        attribute "custom_features" {
          not_contains = "TLS_RSA_WITH_AES_128_GCM_SHA256"
          default      = []
        }
        attribute "custom_features" {
          not_contains = "TLS_RSA_WITH_AES_256_GCM_SHA384"
          default      = []
        }
        attribute "custom_features" {
          not_contains = "TLS_RSA_WITH_AES_128_CBC_SHA"
          default      = []
        }
        attribute "custom_features" {
          not_contains = "TLS_RSA_WITH_AES_256_CBC_SHA"
          default      = []
        }
        attribute "custom_features" {
          not_contains = "TLS_RSA_WITH_3DES_EDE_CBC_SHA"
          default      = []
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "default_profile" {  # expect: google-compute-ssl-policy-no-weak-ciphers
        name            = "default-profile"
        min_tls_version = "TLS_1_2"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "modern_old_tls" {
        name    = "modern-old-tls"
        profile = "MODERN"  # expect: google-compute-ssl-policy-no-weak-ciphers
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_region_ssl_policy" "custom" {
        name            = "custom"
        region          = "europe-west1"
        profile         = "CUSTOM"  # expect: google-compute-ssl-policy-no-weak-ciphers
        min_tls_version = "TLS_1_2"
        custom_features = [
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "modern" {
        name            = "modern"
        profile         = "MODERN"
        min_tls_version = "TLS_1_2"
      }

      resource "google_compute_ssl_policy" "restricted" {
        name    = "restricted"
        profile = "RESTRICTED"
      }

      resource "google_compute_region_ssl_policy" "custom" {
        name            = "custom"
        region          = "europe-west1"
        profile         = "CUSTOM"
        min_tls_version = "TLS_1_2"
        custom_features = [
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        ]
      }
    EOT
  }
}
