rule "google-datafusion-instance-monitoring" {
  title     = "Data Fusion instance does not send metrics to Cloud Monitoring"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["google_data_fusion_instance"]
  aliases   = ["CKV_GCP_105"]

  description = <<-EOT
    Without Cloud Monitoring, the metrics of a Data Fusion instance and its pipelines (runs, failures,
    records processed) are visible only inside the instance, so alerting policies cannot notice a
    pipeline that stops, fails repeatedly or suddenly moves far more data than usual. The setting is
    the customer's.

    `enable_stackdriver_monitoring` defaults to `false`, so it must be set to `true`.
  EOT
  remediation = "Set `enable_stackdriver_monitoring = true` on the instance."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#enable_stackdriver_monitoring",
    "https://cloud.google.com/data-fusion/docs",
  ]

  assert {
    attribute "enable_stackdriver_monitoring" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {  # expect: google-datafusion-instance-monitoring
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
        enable_stackdriver_monitoring = true
      }
    EOT
  }
}
