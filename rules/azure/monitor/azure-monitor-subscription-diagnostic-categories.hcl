rule "azure-monitor-subscription-diagnostic-categories" {
  title     = "Subscription diagnostic setting does not export the Administrative, Alert, Policy and Security activity logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_monitor_diagnostic_setting"]

  compliance = { "cis-azure-3.0" = ["6.1.2"] }
  description = <<-EOT
    The activity log of a subscription records who changed what in the control plane: role
    assignments, policy changes, security alerts, resource deletions. Azure keeps it for 90 days
    only; a diagnostic setting on the subscription exports it to a Log Analytics workspace,
    storage account or event hub for retention and alerting. A setting that leaves out one of the
    Administrative, Alert, Policy or Security categories loses exactly the records an
    investigation needs (an attacker granting themselves Owner is an Administrative event).
    Keeping the audit trail is the customer's side.

    The rule applies to diagnostic settings whose `target_resource_id` is a subscription
    (`/subscriptions/<id>`) and asks for each of the four categories in an `enabled_log` block
    (or `category_group = "allLogs"`), or in an enabled `log` block of azurerm v2 and v3. A target
    known only after apply (`data.azurerm_subscription.current.id`) leaves the rule undecided.
    Severity is medium: gaps in the control-plane audit trail.
  EOT
  remediation = "Add an `enabled_log { category = \"...\" }` block for each of `Administrative`, `Alert`, `Policy` and `Security` (the other categories are useful too) to the subscription's diagnostic setting."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_diagnostic_setting#enabled_log",
    "https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log-schema",
  ]

  when {
    attribute "target_resource_id" {
      matches = "^/subscriptions/[^/]+/?$"
    }
  }

  assert {
    any {
      some "enabled_log" {
        attribute "category" {
          equals = "Administrative"
        }
      }
      some "enabled_log" {
        attribute "category_group" {
          equals = "allLogs"
        }
      }
      # azurerm v2 and v3 `log` blocks
      some "log" {
        attribute "category" {
          equals = "Administrative"
        }
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
    any {
      some "enabled_log" {
        attribute "category" {
          equals = "Alert"
        }
      }
      some "enabled_log" {
        attribute "category_group" {
          equals = "allLogs"
        }
      }
      # azurerm v2 and v3 `log` blocks
      some "log" {
        attribute "category" {
          equals = "Alert"
        }
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
    any {
      some "enabled_log" {
        attribute "category" {
          equals = "Policy"
        }
      }
      some "enabled_log" {
        attribute "category_group" {
          equals = "allLogs"
        }
      }
      # azurerm v2 and v3 `log` blocks
      some "log" {
        attribute "category" {
          equals = "Policy"
        }
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
    any {
      some "enabled_log" {
        attribute "category" {
          equals = "Security"
        }
      }
      some "enabled_log" {
        attribute "category_group" {
          equals = "allLogs"
        }
      }
      # azurerm v2 and v3 `log` blocks
      some "log" {
        attribute "category" {
          equals = "Security"
        }
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name                       = "activity-to-law"
        target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
        log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"

        enabled_log {
          category = "Administrative"  # expect: azure-monitor-subscription-diagnostic-categories
        }

        enabled_log {
          category = "Policy"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "subscription_id" {
        type    = string
        default = "00000000-0000-0000-0000-000000000000"
      }

      resource "azurerm_monitor_diagnostic_setting" "activity" {  # expect: azure-monitor-subscription-diagnostic-categories
        name               = "activity-to-storage"
        target_resource_id = "/subscriptions/$${var.subscription_id}"
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.Storage/storageAccounts/stactivity"

        log {
          category = "Administrative"
        }

        log {
          category = "Alert"
        }

        log {
          category = "Policy"
        }

        log {
          category = "Security"
          enabled  = false
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name                       = "activity-to-law"
        target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
        log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"

        enabled_log {
          category = "Administrative"
        }

        enabled_log {
          category = "Alert"
        }

        enabled_log {
          category = "Policy"
        }

        enabled_log {
          category = "Security"
        }

        enabled_log {
          category = "ServiceHealth"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # a resource-level diagnostic setting is out of scope
      resource "azurerm_monitor_diagnostic_setting" "vault" {
        name                       = "kv-audit"
        target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
        log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"

        enabled_log {
          category = "AuditEvent"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_monitor_diagnostic_setting" "activity" {
        name                           = "activity-to-hub"
        target_resource_id             = "/subscriptions/00000000-0000-0000-0000-000000000000"
        eventhub_authorization_rule_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.EventHub/namespaces/ehn/authorizationRules/RootManageSharedAccessKey"

        enabled_log {
          category_group = "allLogs"
        }
      }
    EOT
  }
}
