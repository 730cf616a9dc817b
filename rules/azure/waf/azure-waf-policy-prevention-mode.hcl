rule "azure-waf-policy-prevention-mode" {
  title     = "Application Gateway WAF policy is disabled or only detects attacks"
  severity  = "medium"
  area      = "application-workload"
  resources = ["azurerm_web_application_firewall_policy"]

  description = <<-EOT
    A WAF policy in Detection mode logs malicious requests but lets them through to the
    application, and a disabled policy does nothing; either gives the appearance of protection
    without blocking anything. Detection is a tuning phase, not a steady state. The mode is the
    customer's configuration.

    In `azurerm_web_application_firewall_policy`, `policy_settings.enabled` defaults to `true` and
    `policy_settings.mode` to `Prevention`, so a policy without `policy_settings` is compliant; an
    explicit `enabled = false` or `mode = "Detection"` is reported.
  EOT
  remediation = "Set `policy_settings { enabled = true  mode = \"Prevention\" }` once false positives have been tuned out with exclusions or custom rules."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/web_application_firewall_policy#policy_settings",
    "https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/ag-overview#waf-modes",
  ]

  assert {
    attribute "policy_settings.enabled" {
      equals  = true
      default = true
    }
    attribute "policy_settings.mode" {
      equals  = "Prevention"
      default = "Prevention"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_web_application_firewall_policy" "web" {
        name                = "wafp-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        policy_settings {
          enabled = true
          mode    = "Detection"  # expect: azure-waf-policy-prevention-mode
        }

        managed_rules {
          managed_rule_set {
            type    = "OWASP"
            version = "3.2"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_web_application_firewall_policy" "web" {
        name                = "wafp-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        policy_settings {
          enabled = false  # expect: azure-waf-policy-prevention-mode
        }

        managed_rules {
          managed_rule_set {
            type    = "OWASP"
            version = "3.2"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_web_application_firewall_policy" "web" {
        name                = "wafp-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        managed_rules {
          managed_rule_set {
            type    = "OWASP"
            version = "3.2"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_web_application_firewall_policy" "web" {
        name                = "wafp-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        policy_settings {
          enabled = true
          mode    = "Prevention"
        }

        managed_rules {
          managed_rule_set {
            type    = "OWASP"
            version = "3.2"
          }
        }
      }
    EOT
  }
}
