rule "google-pubsub-topic-customer-managed-key" {
  title     = "Pub/Sub topic is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_pubsub_topic",
  ]
  aliases   = ["CKV_GCP_83"]

  description = <<-EOT
    Pub/Sub encrypts stored messages with Google-managed keys. A Cloud KMS key gives the customer an
     audited, revocable control over the messages a topic retains. Severity is low because the data
     is encrypted either way; the choice of key is the customer's.

     `kms_key_name` must be set.
  EOT
  remediation = "Set `kms_key_name = google_kms_crypto_key.pubsub.id` and grant the Pub/Sub service agent use of the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_topic#kms_key_name",
    "https://cloud.google.com/pubsub/docs/encryption",
  ]

  assert {
    attribute "kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_pubsub_topic" "orders" {  # expect: google-pubsub-topic-customer-managed-key
        name = "orders"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_pubsub_topic" "orders" {
        name         = "orders"
        kms_key_name = "projects/example/locations/europe-west1/keyRings/pubsub/cryptoKeys/orders"
      }
    EOT
  }
}
