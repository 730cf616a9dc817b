rule "google-redis-transit-encryption" {
  title     = "Memorystore for Redis instance does not encrypt traffic in transit"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "google_redis_instance",
  ]
  aliases   = ["CKV_GCP_97"]

  description = <<-EOT
    Without in-transit encryption, Redis commands and replies, including the AUTH string and every
     cached value, cross the VPC in clear text and can be read by anything that can capture the
     traffic. Turning on TLS is the customer's setting; severity is medium because the traffic stays
     inside a private network.

     `transit_encryption_mode` defaults to `DISABLED`; it must be `SERVER_AUTHENTICATION`.
  EOT
  remediation = "Set `transit_encryption_mode = \"SERVER_AUTHENTICATION\"` and configure clients with the instance's CA certificate."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#transit_encryption_mode",
    "https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption",
  ]

  assert {
    attribute "transit_encryption_mode" {
      equals = "SERVER_AUTHENTICATION"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_redis_instance" "cache" {  # expect: google-redis-transit-encryption
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
        transit_encryption_mode = "DISABLED"  # expect: google-redis-transit-encryption
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_redis_instance" "cache" {
        name           = "cache"
        memory_size_gb = 1
        region         = "europe-west1"
        transit_encryption_mode = "SERVER_AUTHENTICATION"
      }
    EOT
  }
}
