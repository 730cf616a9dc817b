rule "azure-monitor-activity-log-storage-cmk" {
  title     = "Storage account receiving the subscription activity log is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_monitor_diagnostic_setting"]

  compliance = { "cis-azure-3.0" = ["6.1.3"] }
  description = <<-EOT
    The activity log archive is the record investigators and auditors rely on after an incident.
    Encrypting the storage account that holds it with a customer-managed key puts access to the
    archive under a key the customer controls and audits separately: revoking or rotating the key
    takes effect on the archive, and reading it needs rights on the key as well as on the account.
    Protecting the audit trail is the customer's side.

    The rule applies to diagnostic settings whose `target_resource_id` is a subscription and that
    write to a storage account (`storage_account_id`), and follows `storage_account_id` to the
    `azurerm_storage_account`: it passes when the account has a `customer_managed_key` block or an
    `azurerm_storage_account_customer_managed_key` refers to it. An account given by a literal ID
    or managed elsewhere leaves the rule undecided. Severity is low: the archive is encrypted with
    platform keys either way.
  EOT
  remediation = "Add a `customer_managed_key` block (or an `azurerm_storage_account_customer_managed_key`) with a Key Vault key to the storage account the subscription diagnostic setting writes to."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_customer_managed_key",
    "https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log",
  ]

  when {
    attribute "target_resource_id" {
      matches = "^/subscriptions/[^/]+/?$"
    }
    attribute "storage_account_id" {
      present = true
    }
  }

  assert {
    target "storage_account_id" {
      type = "azurerm_storage_account"
      any {
        attribute "customer_managed_key" {
          present = true
        }
        linked "azurerm_storage_account_customer_managed_key" {
          via = "storage_account_id"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "activity" {
        name                     = "stactivitylogs"
        resource_group_name      = "rg-mon"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GRS"
      }

      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name               = "activity-archive"
        target_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000"
        storage_account_id = azurerm_storage_account.activity.id  # expect: azure-monitor-activity-log-storage-cmk

        enabled_log {
          category = "Administrative"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "activity" {
        name                     = "stactivitylogs"
        resource_group_name      = "rg-mon"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GRS"

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_storage_account_customer_managed_key" "activity" {
        storage_account_id = azurerm_storage_account.activity.id
        key_vault_key_id   = "https://kv-sec.vault.azure.net/keys/activity-logs"
      }

      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name               = "activity-archive"
        target_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000"
        storage_account_id = azurerm_storage_account.activity.id

        enabled_log {
          category = "Administrative"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # the setting writes to a workspace, not a storage account
      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name                       = "activity-to-law"
        target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
        log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"

        enabled_log {
          category = "Administrative"
        }
      }
    EOT
  }
}
