rule "google-dns-no-rsa-sha1" {
  title     = "Cloud DNS zone signs with RSASHA1"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.4", "3.5"]
  }
  resources = [
    "google_dns_managed_zone",
  ]
  aliases   = ["CKV_GCP_17", "AVD-GCP-0012", "google-dns-no-rsa-sha1"]

  description = <<-EOT
    SHA-1 is broken for collision resistance, and RSASHA1 DNSSEC signatures are no longer accepted
     by many validating resolvers. A zone signed with it gets weaker or no protection against spoofed
     answers. The DNSSEC algorithm is the customer's choice.

     The rule reports `dnssec_config.default_key_specs.algorithm = "rsasha1"`; Cloud DNS defaults to
     `rsasha256`.
  EOT
  remediation = "Set `algorithm = \"rsasha256\"` (or `ecdsap256sha256`) in every `default_key_specs` block."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#algorithm",
    "https://cloud.google.com/dns/docs/dnssec-advanced",
  ]

  assert {
    attribute "dnssec_config.default_key_specs.algorithm" {
      not_equals = "rsasha1"
      default    = "rsasha256"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_dns_managed_zone" "public" {
        name     = "public"
        dns_name = "example.com."

        dnssec_config {
          state = "on"

          default_key_specs {
            algorithm  = "rsasha1"  # expect: google-dns-no-rsa-sha1
            key_length = 2048
            key_type   = "keySigning"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dns_managed_zone" "public" {
        name     = "public"
        dns_name = "example.com."

        dnssec_config {
          state = "on"

          default_key_specs {
            algorithm  = "rsasha256"
            key_length = 2048
            key_type   = "keySigning"
          }
        }
      }
    EOT
  }
}
