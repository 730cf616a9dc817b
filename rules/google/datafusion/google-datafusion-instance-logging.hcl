rule "google-datafusion-instance-logging" {
  title     = "Data Fusion instance does not send logs to Cloud Logging"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["google_data_fusion_instance"]
  aliases   = ["CKV_GCP_104"]

  description = <<-EOT
    Without Cloud Logging, the logs of a Data Fusion instance and its pipeline runs stay inside the
    instance, outside the project's log retention, sinks and alerting, and are lost with it. They
    record which pipelines ran, with which credentials and against which sources, which an
    investigation of a data leak needs. The setting is the customer's.

    `enable_stackdriver_logging` defaults to `false`, so it must be set to `true`.
  EOT
  remediation = "Set `enable_stackdriver_logging = true` on the instance."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#enable_stackdriver_logging",
    "https://cloud.google.com/data-fusion/docs",
  ]

  assert {
    attribute "enable_stackdriver_logging" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {  # expect: google-datafusion-instance-logging
        name             = "pipelines"
        region           = "europe-west1"
        type             = "BASIC"
        private_instance = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {
        name                       = "pipelines"
        region                     = "europe-west1"
        type                       = "BASIC"
        private_instance           = true
        enable_stackdriver_logging = true
      }
    EOT
  }
}
