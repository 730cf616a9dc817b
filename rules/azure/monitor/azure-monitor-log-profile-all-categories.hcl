rule "azure-monitor-log-profile-all-categories" {
  title     = "Activity log profile does not capture write, delete and action events"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_monitor_log_profile"]
  aliases   = ["CKV_AZURE_38", "AVD-AZU-0033", "azure-monitor-capture-all-activities"]

  description = <<-EOT
    A log profile exports only the activity log categories it lists. Leaving out `Write`, `Delete`
    or `Action` drops exactly the events an investigation needs: resources created or changed,
    resources deleted, and operations such as listing storage keys or restarting VMs. Keeping a
    complete record is the customer's side.

    `categories` is required; the rule reports a list that lacks any of the three. Log profiles are
    the legacy export mechanism; the rule applies where they are still used.
  EOT
  remediation = "Set `categories = [\"Action\", \"Delete\", \"Write\"]`, or export the activity log with a subscription diagnostic setting that enables every category."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/monitor_log_profile#categories",
    "https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log-schema",
  ]

  assert {
    attribute "categories" {
      contains = "Write"
    }
    attribute "categories" {
      contains = "Delete"
    }
    attribute "categories" {
      contains = "Action"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_monitor_log_profile" "subscription" {
        name               = "default"
        categories         = ["Write"]  # expect: azure-monitor-log-profile-all-categories
        locations          = ["westeurope", "global"]
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/activitylogs"

        retention_policy {
          enabled = true
          days    = 365
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
          days    = 365
        }
      }
    EOT
  }
}
