rule "azure-storage-queue-logging" {
  title     = "Storage account with queues does not log queue read, write and delete requests"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_33", "AVD-AZU-0009", "azure-storage-queue-services-logging-enabled"]

  compliance = { "cis-azure-3.0" = ["4.12"] }
  description = <<-EOT
    Storage Analytics logging for the queue service records every read, write and delete request
    with the caller and the authentication used. Without it, a leaked account key or SAS token used
    to read or inject messages leaves no trace to investigate. Azure provides the logs; turning them
    on is the customer's configuration.

    The rule applies only to accounts that have queues in the configuration (an
    `azurerm_storage_queue` referring to the account through `storage_account_name` or
    `storage_account_id`). Logging is compliant when `read`, `write` and `delete` are all `true`,
    either in the inline `queue_properties.logging` block (deprecated in azurerm v4) or in an
    `azurerm_storage_account_queue_properties` resource for the account. Trivy's
    `azure-storage-storage-account-logging-enabled` (AVD-AZU-0057) also reports accounts without
    queues; onus does not, since such an account has no queue requests to log.
  EOT
  remediation = "Add `logging { read = true  write = true  delete = true  version = \"1.0\"  retention_policy_days = 90 }` to an `azurerm_storage_account_queue_properties` resource for the account (or to `queue_properties` on older provider versions)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_queue_properties",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#queue_properties",
    "https://learn.microsoft.com/en-us/azure/storage/common/storage-analytics-logging",
  ]

  when {
    any {
      linked "azurerm_storage_queue" {
        via   = "storage_account_name"
        match = "name"
      }
      linked "azurerm_storage_queue" {
        via = "storage_account_id"
      }
    }
  }

  assert {
    any {
      all {
        attribute "queue_properties.logging.read" {
          equals = true
        }
        attribute "queue_properties.logging.write" {
          equals = true
        }
        attribute "queue_properties.logging.delete" {
          equals = true
        }
      }
      linked "azurerm_storage_account_queue_properties" {
        via = "storage_account_id"
        attribute "logging.read" {
          equals = true
        }
        attribute "logging.write" {
          equals = true
        }
        attribute "logging.delete" {
          equals = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "jobs" {  # expect: azure-storage-queue-logging
        name                     = "stjobs"
        resource_group_name      = "rg-app"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"
      }

      resource "azurerm_storage_queue" "work" {
        name               = "work"
        storage_account_id = azurerm_storage_account.jobs.id
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "jobs" {
        name                     = "stjobs"
        resource_group_name      = "rg-app"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        queue_properties {
          logging {
            read                  = true
            write                 = true
            delete                = false  # expect: azure-storage-queue-logging
            version               = "1.0"
            retention_policy_days = 30
          }
        }
      }

      resource "azurerm_storage_queue" "work" {
        name                 = "work"
        storage_account_name = azurerm_storage_account.jobs.name
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "jobs" {
        name                     = "stjobs"
        resource_group_name      = "rg-app"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"
      }

      resource "azurerm_storage_account_queue_properties" "jobs" {
        storage_account_id = azurerm_storage_account.jobs.id

        logging {
          read                  = true
          write                 = true
          delete                = true
          version               = "1.0"
          retention_policy_days = 90
        }
      }

      resource "azurerm_storage_queue" "work" {
        name               = "work"
        storage_account_id = azurerm_storage_account.jobs.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "jobs" {
        name                     = "stjobs"
        resource_group_name      = "rg-app"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        queue_properties {
          logging {
            read                  = true
            write                 = true
            delete                = true
            version               = "1.0"
            retention_policy_days = 30
          }
        }
      }

      resource "azurerm_storage_queue" "work" {
        name                 = "work"
        storage_account_name = azurerm_storage_account.jobs.name
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "blobs" {
        name                     = "stblobs"
        resource_group_name      = "rg-app"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"
      }
    EOT
  }
}
