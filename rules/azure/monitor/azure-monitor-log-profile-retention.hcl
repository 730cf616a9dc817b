rule "azure-monitor-log-profile-retention" {
  title     = "Activity log profile keeps logs for less than a year"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_monitor_log_profile"]
  aliases   = ["CKV_AZURE_37", "AVD-AZU-0031", "azure-monitor-activity-log-retention-set"]

  description = <<-EOT
    The activity log records every management operation in the subscription: who created, changed
    or deleted what, and role assignments. Investigations of a breach often start months after it
    happened; a retention policy shorter than a year deletes the evidence first. Keeping the record
    is the customer's side.

    The rule passes when `retention_policy.days` is at least 365, or when the retention policy is
    disabled (`enabled = false`: the exported logs are kept indefinitely). An enabled policy
    without `days` is reported. Log profiles are the legacy export mechanism (Azure retires them in
    favour of diagnostic settings on the subscription); the rule applies where they are still used.
  EOT
  remediation = "Set `retention_policy { enabled = true  days = 365 }` (or more), or export the activity log with a subscription diagnostic setting to a Log Analytics workspace with a year's retention."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/monitor_log_profile#retention_policy",
    "https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log",
  ]

  assert {
    any {
      attribute "retention_policy.enabled" {
        equals = false
      }
      attribute "retention_policy.days" {
        gte = 365
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_monitor_log_profile" "subscription" {
        name               = "default"
        categories         = ["Action", "Delete", "Write"]
        locations          = ["westeurope", "global"]
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/activitylogs"

        retention_policy {
          enabled = true  # expect: azure-monitor-log-profile-retention
          days    = 30
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_monitor_log_profile" "subscription" {
        name               = "default"
        categories         = ["Action", "Delete", "Write"]
        locations          = ["westeurope", "global"]
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/activitylogs"

        retention_policy {
          enabled = true
          days    = 400
        }
      }
    EOT
  }
}
